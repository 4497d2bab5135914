/**
 * How an entry's hash is computed: sha256 over a canonical serialisation of its fields and the
 * previous entry's hash. Canonical = a JSON array in a fixed field order, the date as ISO-8601, so the
 * same entry always hashes the same whatever order MongoDB returns its fields in.
 */
import { createHash } from 'node:crypto';
import type { AuditRecord } from '../data-access/audit-store';

/** The prevHash of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(entry: Omit<AuditRecord, 'hash'>): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at.toISOString(),
    entry.actor,
    entry.patient,
    entry.what,
    entry.outcome,
    entry.why,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
