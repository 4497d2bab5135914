/**
 * /emergency/:patient: what a break-glass window opens, and honestly what it does not. The emergency profile
 * and the records list come from the API while the chain says the window is open (each read logged in the
 * patient's access log). A document opens only when the patient opted in to emergency sharing and an on-duty
 * admin has released its key to this doctor; otherwise the page says which of the two is missing.
 */
import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, input, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { RouterLink } from '@angular/router';
import type { EmergencyPatientView, RecordEntry } from '@api';
import { shortAddress } from '../auth/account';
import { TransactionRunner } from '../chain/transaction-runner';
import { WalletConnection } from '../chain/wallet-connection';
import { DocumentOpener, IntegrityError } from '../documents/document-opener';
import { DocumentViewer } from '../documents/document-viewer';
import { closeIn, type OpenState } from '../documents/opened-document';
import { RECORD_KIND_LABELS } from '../documents/record-kinds';
import { errorText } from '../shared/error-text';
import { EmergencyApi } from './emergency-api';
import { EmergencyContract } from './emergency-contract';

/** Why a document did not open, when the reason is that its key was not released (yet). */
export const NOT_RELEASED =
  'Not released yet: the patient shares documents in emergencies, but an on-duty admin must release them to you first. Ask the clinic; the page opens them as soon as they have.';
export const NOT_SHARED =
  'The patient did not opt in to emergency sharing, so their documents stay encrypted for them and the doctors they chose: nobody at the clinic can open them for you. The list shows what exists, not what it says.';

@Component({
  selector: 'ehr-emergency-record',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, DocumentViewer],
  templateUrl: './emergency-record.html',
  styleUrl: './emergency.css',
})
export class EmergencyRecord implements OnInit {
  private readonly api = inject(EmergencyApi);
  private readonly contract = inject(EmergencyContract);
  private readonly opener = inject(DocumentOpener);
  private readonly wallet = inject(WalletConnection);
  protected readonly busy = inject(TransactionRunner).busy;

  /** The route's :patient (withComponentInputBinding). */
  readonly patient = input.required<string>();
  protected readonly view = signal<EmergencyPatientView | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly ended = signal(false);
  protected readonly opened = signal<OpenState | null>(null);
  protected readonly kindLabels = RECORD_KIND_LABELS;
  protected readonly shortAddress = shortAddress;
  protected readonly notShared = NOT_SHARED;
  protected readonly fullName = computed(() => {
    const profile = this.view()?.profile;
    return profile ? `${profile.firstName} ${profile.lastName}` : null;
  });

  ngOnInit(): void {
    void this.load();
  }

  protected async open(entry: RecordEntry): Promise<void> {
    closeIn(this.opened, this.opener);
    this.opened.set({ id: entry.id, opening: true });
    try {
      this.opened.set({ id: entry.id, opening: false, document: await this.opener.open(entry) });
    } catch (error) {
      // No key stored for this doctor: here that means no admin has released it (yet).
      const notReleased = error instanceof HttpErrorResponse && error.status === 404;
      this.opened.set({
        id: entry.id,
        opening: false,
        error: notReleased ? NOT_RELEASED : errorText(error),
        integrity: error instanceof IntegrityError,
      });
    }
  }

  protected closeViewer(): void {
    closeIn(this.opened, this.opener);
  }

  /** The doctor ends their own window early. */
  protected async endNow(): Promise<void> {
    const doctor = this.wallet.account();
    if (!doctor) return;
    if (await this.contract.end(this.patient(), doctor)) {
      this.closeViewer();
      this.ended.set(true);
      this.view.set(null);
    }
  }

  private async load(): Promise<void> {
    this.loadError.set(null);
    try {
      this.view.set(await this.api.patient(this.patient()));
    } catch (error) {
      this.loadError.set(
        error instanceof HttpErrorResponse && error.status === 403
          ? `You have no open emergency access to ${shortAddress(this.patient())}: it ended, or was never opened. ${errorText(error)}`
          : `The emergency record could not be loaded: ${errorText(error)}`,
      );
    }
  }
}
