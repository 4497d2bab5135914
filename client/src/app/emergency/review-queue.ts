/**
 * The admins' review queue: every emergency access, unreviewed first, with the doctor's justification, the
 * patient, the window and how often the doctor has used break-glass (repeated use highlighted). An admin marks
 * each use appropriate or inappropriate with a note, and releases a sharing patient's documents to the doctor
 * of a live access (DocumentRelease: re-wrapped in this browser).
 */
import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import type { EmergencyReviewItem, EmergencyReviewOutcome } from '@api';
import { shortAddress } from '../auth/account';
import { errorText } from '../shared/error-text';
import { DocumentRelease } from './document-release';
import { EmergencyApi } from './emergency-api';
import { EmergencyContract } from './emergency-contract';

/** More uses than this in all marks a doctor's use as repeated. */
export const REPEATED_USE = 1;

interface Draft {
  outcome: EmergencyReviewOutcome | '';
  note: string;
}

@Component({
  selector: 'ehr-emergency-review-queue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule],
  templateUrl: './review-queue.html',
  styleUrl: './emergency.css',
})
export class ReviewQueue implements OnInit {
  private readonly api = inject(EmergencyApi);
  private readonly contract = inject(EmergencyContract);
  private readonly release = inject(DocumentRelease);
  protected readonly shortAddress = shortAddress;

  protected readonly items = signal<EmergencyReviewItem[] | null>(null);
  protected readonly unreviewed = signal(0);
  protected readonly loadError = signal<string | null>(null);
  protected readonly drafts = signal<Record<string, Draft>>({});
  /** Per live access: whether its patient shares documents in emergencies (chain). */
  protected readonly sharing = signal<Record<string, boolean>>({});
  /** Per access: what the last review or release said. */
  protected readonly outcomes = signal<Record<string, { text: string; failed: boolean }>>({});
  protected readonly working = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  protected repeated(item: EmergencyReviewItem): boolean {
    return item.doctorUses.total > REPEATED_USE;
  }

  protected draft(id: string): Draft {
    return this.drafts()[id] ?? { outcome: '', note: '' };
  }

  protected edit(id: string, change: Partial<Draft>): void {
    this.drafts.update((all) => ({ ...all, [id]: { ...this.draft(id), ...change } }));
  }

  protected async saveReview(item: EmergencyReviewItem): Promise<void> {
    const { outcome, note } = this.draft(item.id);
    if (!outcome) {
      this.say(item.id, 'Choose appropriate or inappropriate first.', true);
      return;
    }
    await this.run(item.id, async () => {
      await this.api.review(item.id, { outcome, note });
      await this.load();
      return `Marked ${outcome}.`;
    });
  }

  protected releaseDocuments(item: EmergencyReviewItem): Promise<void> {
    return this.run(item.id, async () => {
      const released = await this.release.release(item);
      return released
        ? `${released} documents released to ${item.doctorName ?? shortAddress(item.doctor)} for this window.`
        : 'The patient has no documents wrapped for the clinic key yet: nothing to release.';
    });
  }

  private async run(id: string, action: () => Promise<string>): Promise<void> {
    this.working.set(id);
    try {
      this.say(id, await action(), false);
    } catch (error) {
      this.say(id, errorText(error), true);
    } finally {
      this.working.set(null);
    }
  }

  private say(id: string, text: string, failed: boolean): void {
    this.outcomes.update((all) => ({ ...all, [id]: { text, failed } }));
  }

  private async load(): Promise<void> {
    try {
      const queue = await this.api.reviewQueue();
      this.items.set(queue.items);
      this.unreviewed.set(queue.unreviewed);
      this.loadError.set(null);
      const live = queue.items.filter((item) => item.live);
      const shares = await Promise.all(live.map((item) => this.contract.sharing(item.patient).catch(() => false)));
      this.sharing.set(Object.fromEntries(live.map((item, index) => [item.id, shares[index]])));
    } catch (error) {
      this.loadError.set(`The review queue could not be loaded: ${errorText(error)}`);
    }
  }
}
