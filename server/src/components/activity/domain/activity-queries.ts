/**
 * GET /api/activity: whose timeline a reader may see (their own; admins any, read live from the
 * Registry), filtered and paged, each entry worded for its subject.
 */
import type { Registry } from '@contracts/types';
import { endOf, startOf, type ActivityEntry, type ActivityPage, type ActivityQuery } from '@api';
import { forbidden } from '../../../libraries/errors';
import { findActivity, type ActivityRecord } from '../data-access/activity-store';
import { namesFor } from './activity-names';
import { addressesIn, wordsFor } from './activity-words';

export async function listActivity(registry: Registry, reader: string, query: ActivityQuery): Promise<ActivityPage> {
  const subject = query.subject ?? reader;
  if (subject !== reader && !(await registry.isAdmin(reader)))
    throw forbidden("Only admins may read another account's activity", 'ADMIN_ONLY');

  const { items, total } = await findActivity(
    {
      subject,
      kind: query.kind,
      from: query.from ? startOf(query.from) : undefined,
      to: query.to ? endOf(query.to) : undefined,
    },
    { offset: query.offset, limit: query.limit },
  );
  const names = await namesFor(items.flatMap(addressesIn));
  return { subject, items: items.map((item) => toView(item, wordsFor(item, names))), total };
}

function toView(record: ActivityRecord, words: string): ActivityEntry {
  return {
    subject: record.subject,
    actor: record.actor,
    kind: record.kind,
    words,
    at: record.at.toISOString(),
    origin: record.origin,
    ...(record.transactionHash !== undefined && { transactionHash: record.transactionHash }),
    ...(record.logIndex !== undefined && { logIndex: record.logIndex }),
    ...(record.blockNumber !== undefined && { blockNumber: record.blockNumber }),
  };
}
