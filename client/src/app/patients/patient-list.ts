import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import type { PatientSummary } from '@api';
import { shortAddress } from '../auth/account';
import { errorText } from '../shared/error-text';
import { PatientsApi } from './patients-api';

const PAGE_SIZE = 20;

/** Admins: registered patients (from the chain's registrations) with their names, a page at a time. */
@Component({
  selector: 'ehr-patient-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink],
  template: `
    @if (loadError(); as error) {
      <p class="notice notice--error" role="alert">{{ error }}</p>
    }
    <section class="card table-card" [attr.aria-busy]="loading()" aria-labelledby="patient-list-title">
      <h2 id="patient-list-title">Registered patients</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Patient</th>
            <th scope="col">Registered</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (patient of patients(); track patient.address) {
            <tr>
              <td>
                <div class="doctor-name">{{ nameOf(patient) }}</div>
                <div class="mono muted" [title]="patient.address">{{ shortAddress(patient.address) }}</div>
              </td>
              <td>{{ patient.registeredAt | date: 'mediumDate' }}</td>
              <td class="actions">
                <a
                  class="btn btn--ghost"
                  [routerLink]="['/patients', patient.address]"
                  [attr.aria-label]="'View profile of ' + nameOf(patient)"
                  >View profile</a
                >
              </td>
            </tr>
          } @empty {
            <tr>
              <td class="empty" colspan="3">{{ loading() ? 'Loading…' : 'No patients have registered yet.' }}</td>
            </tr>
          }
        </tbody>
      </table>
      @if (total() > pageSize) {
        <nav class="pager" aria-label="Patient pages">
          <button type="button" class="btn btn--ghost" [disabled]="offset() === 0" (click)="goTo(offset() - pageSize)">
            Previous
          </button>
          <span>{{ offset() + 1 }}–{{ offset() + patients().length }} of {{ total() }}</span>
          <button
            type="button"
            class="btn btn--ghost"
            [disabled]="offset() + pageSize >= total()"
            (click)="goTo(offset() + pageSize)"
          >
            Next
          </button>
        </nav>
      }
    </section>
  `,
  styles: `
    h2 {
      padding: 1rem 1rem 0;
    }
    .pager {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 1rem;
      padding: 1rem;
    }
  `,
})
export class PatientList implements OnInit {
  private readonly patientsApi = inject(PatientsApi);
  protected readonly pageSize = PAGE_SIZE;
  protected readonly patients = signal<PatientSummary[]>([]);
  protected readonly total = signal(0);
  protected readonly offset = signal(0);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly shortAddress = shortAddress;

  ngOnInit(): void {
    void this.load();
  }

  protected nameOf(patient: PatientSummary): string {
    return patient.firstName ? `${patient.firstName} ${patient.lastName ?? ''}`.trim() : 'No profile yet';
  }

  protected async goTo(offset: number): Promise<void> {
    this.offset.set(offset);
    await this.load();
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const page = await this.patientsApi.list({ offset: this.offset(), limit: PAGE_SIZE });
      this.patients.set(page.items);
      this.total.set(page.total);
    } catch (error) {
      this.loadError.set(`The patients could not be loaded: ${errorText(error)}`);
    } finally {
      this.loading.set(false);
    }
  }
}
