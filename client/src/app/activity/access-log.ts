import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import type { AuditEntry, AuditVerification } from '@api';
import { shortAddress } from '../auth/account';
import { Session } from '../auth/session';
import { errorText } from '../shared/error-text';
import { AuditApi } from './audit-api';

/** What was read, in words (the codes the server's access log writes). */
const WHAT_WORDS: Record<string, string> = {
  'patient.profile': 'profile',
  'patient.profile.health': 'health details',
  'appointment.reason': 'reason for an appointment',
  'records.list': 'record list',
  'document.key': 'a document',
  'document.recovery': 'documents, with the recovery code',
};

const PAGE_SIZE = 20;

/**
 * The access log on the Activity page: a patient sees every read of their health data by someone else,
 * allowed or refused, and on what grounds; an admin sees everyone's and whether the log is intact
 * (hash chain recomputed, head compared with the one anchored on chain).
 */
@Component({
  selector: 'ehr-access-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <section class="card access-log" aria-labelledby="access-log-heading">
      <h2 id="access-log-heading">{{ isAdmin() ? 'Access log' : 'Who opened my data' }}</h2>
      <p class="subtitle">
        {{
          isAdmin()
            ? 'Every read of a patient’s health data by someone else, allowed or refused.'
            : 'Every time someone else opened your health data, or was refused, and why.'
        }}
      </p>
      @if (isAdmin()) {
        <div class="integrity" role="status" data-testid="audit-integrity">
          @if (verification(); as check) {
            @if (check.ok) {
              <p>
                Intact: {{ check.entries }} entries recomputed.
                @if (check.anchored; as head) {
                  Entry {{ head.seq }} matches the head anchored on chain {{ head.at | date: 'medium' }}.
                } @else if (check.anchoring === 'off') {
                  Anchoring is off on this server: a consistent rewrite could not be detected.
                } @else {
                  No head anchored yet.
                }
              </p>
            } @else {
              <p class="field-error">
                Broken{{ check.firstBrokenSeq ? ' at entry ' + check.firstBrokenSeq : '' }}: {{ check.reason }}
                @if (check.anchored && !check.anchored.matches) {
                  — entry {{ check.anchored.seq }} no longer matches the head anchored on chain.
                }
              </p>
            }
          }
          <button type="button" class="btn btn--ghost" (click)="verify()" [disabled]="verifying()">
            {{ verifying() ? 'Checking…' : 'Check integrity' }}
          </button>
        </div>
      }
      @if (loadError(); as error) {
        <p class="field-error" role="alert">{{ error }}</p>
      }
      @if (entries().length) {
        <ol class="entries">
          @for (entry of entries(); track entry.seq) {
            <li [class.denied]="entry.outcome === 'denied'" data-testid="access-log-entry">
              <strong>{{ entry.outcome === 'allowed' ? 'Opened' : 'Refused' }}</strong>
              {{ whatWords(entry.what) }} —
              <span class="mono" [title]="entry.actor">{{ shortAddress(entry.actor) }}</span>
              @if (isAdmin()) {
                on <span class="mono" [title]="entry.patient">{{ shortAddress(entry.patient) }}</span>
              }
              <span class="why">({{ entry.why }})</span>
              <time [attr.datetime]="entry.at">{{ entry.at | date: 'medium' }}</time>
            </li>
          }
        </ol>
      } @else {
        <p class="empty">{{ loading() ? 'Loading the access log…' : 'Nobody else has opened this data.' }}</p>
      }
      @if (total() > pageSize) {
        <nav class="pager" aria-label="Access log pages">
          <button type="button" class="btn btn--ghost" [disabled]="offset() === 0" (click)="page(offset() - pageSize)">
            Newer
          </button>
          <span>{{ offset() + 1 }}–{{ offset() + entries().length }} of {{ total() }}</span>
          <button
            type="button"
            class="btn btn--ghost"
            [disabled]="offset() + pageSize >= total()"
            (click)="page(offset() + pageSize)"
          >
            Older
          </button>
        </nav>
      }
    </section>
  `,
  styles: `
    .access-log {
      margin-top: 1.25rem;
    }
    .entries {
      list-style: none;
      padding: 0;
      margin: 0.75rem 0 0;
    }
    .entries li {
      padding: 0.4rem 0;
      border-bottom: 1px solid var(--border, #ddd);
    }
    .entries li.denied strong {
      color: var(--danger, #b00020);
    }
    .why,
    time {
      color: var(--muted, #555);
      margin-left: 0.35rem;
    }
    .integrity {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
  `,
})
export class AccessLog implements OnInit {
  private readonly auditApi = inject(AuditApi);
  private readonly session = inject(Session);
  protected readonly isAdmin = this.session.isAdmin;
  protected readonly shortAddress = shortAddress;
  protected readonly pageSize = PAGE_SIZE;

  protected readonly entries = signal<AuditEntry[]>([]);
  protected readonly total = signal(0);
  protected readonly offset = signal(0);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly verification = signal<AuditVerification | null>(null);
  protected readonly verifying = signal(false);

  ngOnInit(): void {
    void this.page(0);
  }

  protected whatWords(what: string): string {
    return WHAT_WORDS[what] ?? what;
  }

  protected async page(offset: number): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const page = this.isAdmin()
        ? await this.auditApi.all(offset, PAGE_SIZE)
        : await this.auditApi.mine(offset, PAGE_SIZE);
      this.entries.set(page.items);
      this.total.set(page.total);
      this.offset.set(offset);
    } catch (error) {
      this.loadError.set(errorText(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async verify(): Promise<void> {
    this.verifying.set(true);
    try {
      this.verification.set(await this.auditApi.verify());
    } catch (error) {
      this.loadError.set(errorText(error));
    } finally {
      this.verifying.set(false);
    }
  }
}
