/**
 * Shows one opened document: a PDF in a frame, an image inline, a doctor's structured note as text, anything
 * else as a download. The blob: URL is the app's own (DocumentOpener made it from decrypted bytes), which
 * is why it may be trusted as a frame source.
 */
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';
import type { OpenedDocument } from './document-opener';

/** The structured note a doctor writes (ehr-note/1), as far as the viewer reads it. */
interface NoteContent {
  diagnosis?: string;
  notes?: string;
  reason?: string;
  medications?: { name: string; dose: string; duration: string }[];
}

const NOTE_TYPES = ['application/vnd.ehr.note+json', 'application/vnd.ehr.reason+json'];

@Component({
  selector: 'ehr-document-viewer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let opened = document();
    <section class="card viewer" [attr.aria-label]="'Document ' + opened.name">
      <header class="viewer-header">
        <h3>{{ opened.name }}</h3>
        <div class="actions">
          <a class="btn btn--ghost" [href]="downloadUrl()" [attr.download]="opened.name">Download</a>
          <button type="button" class="btn btn--ghost" (click)="closed.emit()">Close</button>
        </div>
      </header>
      @switch (view()) {
        @case ('pdf') {
          <iframe class="pdf" [src]="frameUrl()" [title]="opened.name"></iframe>
        }
        @case ('image') {
          <img class="image" [src]="downloadUrl()" [alt]="opened.name" />
        }
        @case ('note') {
          @let content = note();
          <dl class="note">
            @if (content?.reason) {
              <dt>Reason</dt>
              <dd>{{ content?.reason }}</dd>
            }
            @if (content?.diagnosis) {
              <dt>Diagnosis</dt>
              <dd>{{ content?.diagnosis }}</dd>
            }
            @if (content?.notes) {
              <dt>Notes</dt>
              <dd>{{ content?.notes }}</dd>
            }
            @for (medication of content?.medications ?? []; track $index) {
              <dt>Medication</dt>
              <dd>{{ medication.name }}, {{ medication.dose }}, {{ medication.duration }}</dd>
            }
          </dl>
        }
        @default {
          <p class="muted">This file cannot be shown here: download it to open it.</p>
        }
      }
    </section>
  `,
  styles: `
    .viewer-header {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
    .pdf {
      width: 100%;
      height: 70vh;
      border: 0;
    }
    .image {
      max-width: 100%;
    }
    .note dd {
      white-space: pre-wrap;
      margin: 0 0 0.5rem;
    }
  `,
})
export class DocumentViewer {
  private readonly sanitizer = inject(DomSanitizer);

  readonly document = input.required<OpenedDocument>();
  readonly closed = output();

  protected readonly view = computed(() => {
    const type = this.document().type;
    if (type === 'application/pdf') return 'pdf';
    if (type.startsWith('image/')) return 'image';
    if (NOTE_TYPES.includes(type)) return 'note';
    return 'download';
  });
  protected readonly downloadUrl = computed(() => this.sanitizer.bypassSecurityTrustUrl(this.document().objectUrl));
  protected readonly frameUrl = computed(() =>
    this.sanitizer.bypassSecurityTrustResourceUrl(this.document().objectUrl),
  );
  protected readonly note = computed((): NoteContent | null => {
    try {
      return JSON.parse(new TextDecoder().decode(this.document().bytes)) as NoteContent;
    } catch {
      return null;
    }
  });
}
