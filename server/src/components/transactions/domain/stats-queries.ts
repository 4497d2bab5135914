/** GET /api/stats for admins: the records in the range, each sender's role read from the Registry now. */
import type { JsonRpcProvider } from 'ethers';
import type { Registry } from '@contracts/types';
import type { SenderRole, StatsBucket, TransactionStats } from '@api';
import { forbidden } from '../../../libraries/errors';
import { readAccount } from '../../auth';
import { streamTransactions } from '../data-access/transaction-store';
import { computeStats, type StatsInput } from './transaction-stats';
import { settleReportedTransactions } from './transaction-records';

async function roleOf(registry: Registry, account: string): Promise<SenderRole> {
  const { roles, doctorStatus } = await readAccount(registry, account);
  if (roles.includes('admin')) return 'admin';
  if (doctorStatus !== 'none') return 'doctor';
  return roles.includes('patient') ? 'patient' : 'unregistered';
}

export async function transactionStats(
  context: { registry: Registry; provider: JsonRpcProvider },
  reader: string,
  query: { bucket: StatsBucket; since?: Date; until?: Date },
): Promise<TransactionStats> {
  if (!(await context.registry.isAdmin(reader))) throw forbidden('Only admins may see the statistics', 'ADMIN_ONLY');
  await settleReportedTransactions(context.provider);
  const range = { ...(query.since && { since: query.since }), ...(query.until && { until: query.until }) };
  const records: StatsInput[] = [];
  for await (const record of streamTransactions(range)) records.push(record);
  const senders = [...new Set(records.map((record) => record.from))];
  const roles = new Map(
    await Promise.all(senders.map(async (sender) => [sender, await roleOf(context.registry, sender)] as const)),
  );
  return computeStats(records, (account) => roles.get(account) ?? 'unregistered', query.bucket, range);
}
