/**
 * The one document a list has open in its viewer: which entry, still opening, or why it could not be
 * opened (an integrity failure said as such). The record timeline and the recovered documents share it.
 */
import type { WritableSignal } from '@angular/core';
import { errorText } from '../shared/error-text';
import { IntegrityError, type DocumentOpener, type OpenedDocument } from './document-opener';

export interface OpenState {
  id: number;
  opening: boolean;
  document?: OpenedDocument;
  error?: string;
  integrity?: boolean;
}

/** Closes what `state` holds open (its object URL released), then opens `entry` into it. */
export async function openInto(
  state: WritableSignal<OpenState | null>,
  opener: DocumentOpener,
  entry: Parameters<DocumentOpener['open']>[0],
): Promise<void> {
  closeIn(state, opener);
  state.set({ id: entry.id, opening: true });
  try {
    state.set({ id: entry.id, opening: false, document: await opener.open(entry) });
  } catch (error) {
    state.set({ id: entry.id, opening: false, error: errorText(error), integrity: error instanceof IntegrityError });
  }
}

/** Closes the open document, if any, releasing its object URL. */
export function closeIn(state: WritableSignal<OpenState | null>, opener: DocumentOpener): void {
  const document = state()?.document;
  if (document) opener.release(document);
  state.set(null);
}
