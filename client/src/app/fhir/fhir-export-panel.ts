/**
 * My data → "Take your record to another provider": download the FHIR R4 record as the server builds it
 * (documents stay encrypted pointers), or with the documents decrypted here and inlined.
 */
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Session } from '../auth/session';
import { errorText } from '../shared/error-text';
import { FhirExport } from './fhir-export';

type Working = 'record' | 'documents' | null;

@Component({
  selector: 'ehr-fhir-export-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>
      Your record in HL7 FHIR R4, the format other hospitals and apps read: your details, doctors, appointments,
      consents and every document with where its encrypted copy is and the proof the chain keeps of it.
    </p>
    <div class="actions">
      <button type="button" class="btn btn--primary" [disabled]="busy()" (click)="downloadRecord()">
        {{ working() === 'record' ? 'Preparing…' : 'Download FHIR record (JSON)' }}
      </button>
      <button type="button" class="btn btn--ghost" [disabled]="busy()" (click)="downloadWithDocuments()">
        {{ working() === 'documents' ? 'Decrypting…' : 'Export with documents' }}
      </button>
    </div>
    <p class="muted">
      "Export with documents" opens each document with your wallet's key in this browser and puts it in the file: keep
      that file as safe as the documents themselves. Nothing decrypted is sent anywhere.
    </p>
    @if (done(); as message) {
      <p class="notice" role="status" data-testid="fhir-export-done">{{ message }}</p>
    }
    @if (error(); as message) {
      <p class="notice notice--error" role="alert">{{ message }}</p>
    }
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block: 0.75rem;
    }
  `,
})
export class FhirExportPanel {
  private readonly session = inject(Session);
  private readonly exporter = inject(FhirExport);

  protected readonly working = signal<Working>(null);
  protected readonly busy = computed(() => this.working() !== null);
  protected readonly done = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected downloadRecord(): Promise<void> {
    return this.run('record', async (patient) => {
      this.exporter.save(await this.exporter.record(patient), `fhir-record-${patient}.json`);
      return 'Your FHIR record was saved.';
    });
  }

  protected downloadWithDocuments(): Promise<void> {
    return this.run('documents', async (patient) => {
      const { bundle, inlined, failed } = await this.exporter.withDocuments(patient);
      this.exporter.save(bundle, `fhir-record-with-documents-${patient}.json`);
      const saved = `Your FHIR record was saved with ${inlined} ${inlined === 1 ? 'document' : 'documents'} decrypted.`;
      if (failed.length === 0) return saved;
      const which = failed.map((failure) => `#${failure.entry} (${failure.reason})`).join('; ');
      return `${saved} Not included, still encrypted: ${which}`;
    });
  }

  private async run(what: Exclude<Working, null>, task: (patient: string) => Promise<string>): Promise<void> {
    const patient = this.session.account()?.address;
    if (!patient) {
      this.error.set('Sign in as the patient to export your record.');
      return;
    }
    this.working.set(what);
    this.done.set(null);
    this.error.set(null);
    try {
      this.done.set(await task(patient));
    } catch (error) {
      this.error.set(errorText(error));
    } finally {
      this.working.set(null);
    }
  }
}
