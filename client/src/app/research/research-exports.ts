/**
 * The admins' research exports: choose k and ε, run an export of the live opt-ins, read its summary
 * (patients, classes, suppressed rows, information loss, noisy counts), download it, anchor its hash on
 * chain from the admin's wallet, and see past exports with their anchoring status.
 */
import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { RESEARCH_MIN_K, type ResearchExportSummary, type NoisyHistogram } from '@api';
import { TransactionRunner } from '../chain/transaction-runner';
import { errorText } from '../shared/error-text';
import { ResearchApi } from './research-api';
import { ResearchContract } from './research-contract';

export const ATTRIBUTE_LABELS = { age: 'Age', sex: 'Sex', location: 'City / state', speciality: 'Speciality' } as const;

@Component({
  selector: 'ehr-research-exports',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, DecimalPipe],
  templateUrl: './research-exports.html',
  styleUrl: './research-exports.css',
})
export class ResearchExports implements OnInit {
  private readonly api = inject(ResearchApi);
  private readonly contract = inject(ResearchContract);
  protected readonly busy = inject(TransactionRunner).busy;

  protected readonly minK = RESEARCH_MIN_K;
  protected readonly attributes = Object.entries(ATTRIBUTE_LABELS) as [keyof typeof ATTRIBUTE_LABELS, string][];
  protected readonly k = signal(RESEARCH_MIN_K);
  protected readonly epsilon = signal(1);
  protected readonly exports = signal<ResearchExportSummary[]>([]);
  protected readonly current = signal<ResearchExportSummary | null>(null);
  protected readonly running = signal(false);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.load(true);
  }

  protected histograms(summary: ResearchExportSummary): [string, NoisyHistogram][] {
    const { patientsPerAgeBand, patientsPerSpeciality, patientsPerRecordKind } = summary.aggregates;
    return [
      ['Patients per age band', patientsPerAgeBand],
      ['Patients per speciality', patientsPerSpeciality],
      ['Patients per record kind', patientsPerRecordKind],
    ];
  }

  /** The bins in the server's order (age bands ascending), not sorted as text. */
  protected bins(histogram: NoisyHistogram): [string, number][] {
    return Object.entries(histogram.counts);
  }

  protected async run(): Promise<void> {
    this.running.set(true);
    this.error.set(null);
    try {
      this.current.set(await this.api.createExport({ k: this.k(), epsilon: this.epsilon() }));
      await this.load(false);
    } catch (error) {
      this.error.set(`The export failed: ${errorText(error)}`);
    } finally {
      this.running.set(false);
    }
  }

  protected async download(summary: ResearchExportSummary): Promise<void> {
    try {
      const text = await this.api.exportText(summary.id);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      link.download = `research-export-${summary.id}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      this.error.set(`The download failed: ${errorText(error)}`);
    }
  }

  protected async anchor(summary: ResearchExportSummary): Promise<void> {
    if (!(await this.contract.anchor(summary))) return;
    this.showList((await this.api.listOnceAnchored(summary.id)).items);
  }

  private async load(withDefaults: boolean): Promise<void> {
    try {
      const list = await this.api.listExports();
      if (withDefaults) {
        this.k.set(list.defaults.k);
        this.epsilon.set(list.defaults.epsilon);
      }
      this.showList(list.items);
    } catch (error) {
      this.error.set(`The exports could not be loaded: ${errorText(error)}`);
    }
  }

  private showList(items: ResearchExportSummary[]): void {
    this.exports.set(items);
    const shown = this.current();
    if (shown) this.current.set(items.find((item) => item.id === shown.id) ?? shown);
  }
}
