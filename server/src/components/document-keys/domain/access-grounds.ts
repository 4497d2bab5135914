/**
 * The grounds on which someone other than the patient may read their wrapped key of a patient's document
 * (GET /api/documents/:cid/key), besides holding the key. Each ground answers, live at request time, the
 * reason it allows the read (written to the access log as "why") or null. To add a ground, write one
 * function and list it in ACCESS_GROUNDS.
 */
import { appointmentGroundForReason } from '../../appointments';
import { hasRecoveryClaim } from '../data-access/recovery-store';
import type { DocumentKeysContext } from './document-keys-context';

export interface GroundQuestion {
  context: DocumentKeysContext;
  document: { cid: string; patient: string };
  /** The reader (checksummed), never the patient. */
  reader: string;
}

export type AccessGround = (question: GroundQuestion) => Promise<string | null>;

/** The patient's consent, as the Consent contract says now (a verified doctor with a live grant or appointment). */
export const consentGrant: AccessGround = async ({ context, document, reader }) =>
  (await context.roles.hasAccess(document.patient, reader)) ? 'consent grant' : null;

/**
 * A doctor's break-glass window (EmergencyAccess), while the patient's emergency sharing stays on: the key an
 * on-duty admin re-wrapped for the doctor opens only inside the window, and the patient's opt-out stops it.
 */
export const emergencyAccess: AccessGround = async ({ context, document, reader }) =>
  (await context.roles.hasEmergencyDocumentAccess(document.patient, reader)) ? 'emergency access' : null;

/** A new wallet of the patient's that proved it holds the patient's recovery code. */
export const recoveryClaim: AccessGround = async ({ document, reader }) =>
  (await hasRecoveryClaim(document.patient, reader)) ? 'recovery claim' : null;

/**
 * Reason notes only: the doctor the patient booked with that reason note (any status), so the request can
 * be read before it is accepted, when no consent exists yet. Names the appointment ("appointment #N"); asked
 * first, so a reason read is always logged as the appointment's, never as a plain document key.
 */
export const bookingReason: AccessGround = ({ document, reader }) =>
  appointmentGroundForReason(document.patient, reader, document.cid);

export const ACCESS_GROUNDS: readonly AccessGround[] = [bookingReason, consentGrant, emergencyAccess, recoveryClaim];

/** The first ground that allows `reader` to read, or null when none does. */
export async function accessGround(question: GroundQuestion): Promise<string | null> {
  for (const ground of ACCESS_GROUNDS) {
    const why = await ground(question);
    if (why) return why;
  }
  return null;
}
