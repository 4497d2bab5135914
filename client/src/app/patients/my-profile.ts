import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PatientProfileRequest, PatientView } from '@api';
import { errorText } from '../shared/error-text';
import { PatientProfileForm } from './patient-profile-form';
import { PatientsApi } from './patients-api';

/** "My profile": the signed-in patient edits their contact details and health data. */
@Component({
  selector: 'ehr-my-profile',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PatientProfileForm, RouterLink],
  template: `
    <header class="page-header">
      <div>
        <h1>My profile</h1>
        <p class="subtitle">What the clinic knows about you. <a routerLink="/patients">Back to Patients</a></p>
      </div>
    </header>
    @if (loadError(); as error) {
      <p class="notice notice--error" role="alert">{{ error }}</p>
    } @else if (loaded()) {
      <section class="card" aria-labelledby="my-profile-form-title">
        <h2 id="my-profile-form-title">{{ view()?.profile ? 'Edit your profile' : 'Complete your profile' }}</h2>
        <ehr-patient-profile-form
          submitLabel="Save profile"
          [initial]="view()"
          [busy]="saving()"
          (submitted)="save($event)"
        />
        <p class="save-state" role="status">{{ saveState() }}</p>
      </section>
    }
  `,
  styles: `
    .save-state:empty {
      display: none;
    }
  `,
})
export class MyProfile implements OnInit {
  private readonly patientsApi = inject(PatientsApi);
  protected readonly view = signal<PatientView | null>(null);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveState = signal('');

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.view.set(await this.patientsApi.mine());
      this.loaded.set(true);
    } catch (error) {
      this.loadError.set(`Your profile could not be loaded: ${errorText(error)}`);
    }
  }

  protected async save(profile: PatientProfileRequest): Promise<void> {
    this.saving.set(true);
    this.saveState.set('Saving…');
    try {
      this.view.set(await this.patientsApi.saveMine(profile));
      this.saveState.set('Profile saved.');
    } catch (error) {
      this.saveState.set(`Not saved: ${errorText(error)}`);
    } finally {
      this.saving.set(false);
    }
  }
}
