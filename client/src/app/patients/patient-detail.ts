import { ChangeDetectionStrategy, Component, type OnInit, inject, input, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import type { PatientView } from '@api';
import { ErasureRequest } from '../erasure/erasure-request';
import { errorText } from '../shared/error-text';
import { SEX_LABELS } from './patient';
import { PatientsApi } from './patients-api';

/**
 * One patient's profile and health data, for an admin managing the account or a doctor with access.
 * The API logs the read in the patient's access log (the patient sees it in their Activity).
 */
@Component({
  selector: 'ehr-patient-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, ErasureRequest],
  templateUrl: './patient-detail.html',
  styles: `
    dl {
      display: grid;
      grid-template-columns: minmax(8rem, max-content) 1fr;
      gap: 0.5rem 1rem;
      margin: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    ul {
      margin: 0;
      padding-left: 1.2rem;
    }
  `,
})
export class PatientDetail implements OnInit {
  private readonly patientsApi = inject(PatientsApi);
  /** From the route (`patients/:address`), bound by withComponentInputBinding or set by the page. */
  readonly address = input.required<string>();
  protected readonly view = signal<PatientView | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly sexLabels = SEX_LABELS;

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.view.set(await this.patientsApi.get(this.address()));
    } catch (error) {
      this.loadError.set(`This patient cannot be shown: ${errorText(error)}`);
    }
  }
}
