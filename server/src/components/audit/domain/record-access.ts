/**
 * The one way other components write the access log: `recordAccess` after deciding a read of a
 * patient's data, before the data leaves the API (a failed write fails the read).
 */
import { z } from 'zod';
import { AddressSchema, AUDIT_OUTCOMES, AUDIT_WHAT_PATTERN } from '@api';
import { appendChained, type AuditRecord } from '../data-access/audit-store';
import { entryHash, GENESIS_HASH } from './audit-hash';

const AccessReportSchema = z.strictObject({
  actor: AddressSchema,
  patient: AddressSchema,
  what: z.string().max(64).regex(AUDIT_WHAT_PATTERN),
  outcome: z.enum(AUDIT_OUTCOMES),
  why: z.string().trim().min(1).max(200),
  at: z.date().optional(),
});

/**
 * This process's appends, one after another: concurrent reads here would otherwise all race for the
 * same seq and retry. The duplicate-key retry in appendChained still orders appends across processes.
 */
let appendQueue: Promise<unknown> = Promise.resolve();

/** Who read what of whose data, allowed or denied, and why. */
export type AccessReport = z.input<typeof AccessReportSchema>;

/**
 * Appends one entry to the hash chain, journaled.
 *
 *   await recordAccess({
 *     actor: doctor, patient, what: 'appointment.reason', outcome: 'allowed', why: `appointment #${id}`,
 *   });
 *
 * Throws (a programming error, not a 400) when the report is malformed. Never put health data itself in
 * `why`: it names grounds, not content.
 */
export function recordAccess(report: AccessReport): Promise<AuditRecord> {
  const { at = new Date(), ...fields } = AccessReportSchema.parse(report);
  const appended = appendQueue.then(() =>
    appendChained((head) => {
      const unhashed = { seq: (head?.seq ?? 0) + 1, at, ...fields, prevHash: head?.hash ?? GENESIS_HASH };
      return { ...unhashed, hash: entryHash(unhashed) };
    }),
  );
  appendQueue = appended.catch(() => undefined);
  return appended;
}
