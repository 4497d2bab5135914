/**
 * The admin dashboard's numbers (the paper's figs. 22–23 and Table 4), computed from the Transaction
 * Records each time they are asked for. Pure: the caller reads the records and the senders' roles.
 */
import { formatEther } from 'ethers';
import type { SenderRole, StatsBucket, TransactionStats, TransactionStatus } from '@api';

export interface StatsInput {
  from: string;
  status: TransactionStatus;
  sortTime: Date;
  latencyMs?: number;
  gasUsed?: string;
  feeWei?: string;
}

const BUCKET_MS: Record<StatsBucket, number> = { hour: 3_600_000, day: 86_400_000 };
/** At most a week of hours or a year of days: the chart's x axis. */
const MAX_BUCKETS: Record<StatsBucket, number> = { hour: 168, day: 366 };

/** The p-th percentile by the nearest-rank method (p95 of 20 samples is the 19th smallest). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

function perBucket(times: readonly number[], bucket: StatsBucket, range: { since?: Date; until?: Date }) {
  const size = BUCKET_MS[bucket];
  const floor = (time: number) => Math.floor(time / size) * size;
  if (times.length === 0 && !(range.since && range.until)) return [];
  const last = floor(range.until ? range.until.getTime() - 1 : Math.max(...times));
  const first = Math.max(
    floor(range.since ? range.since.getTime() : Math.min(...times)),
    last - (MAX_BUCKETS[bucket] - 1) * size,
  );
  const counts = new Map<number, number>();
  for (const time of times) counts.set(floor(time), (counts.get(floor(time)) ?? 0) + 1);
  const series = [];
  for (let start = first; start <= last; start += size) {
    series.push({ start: new Date(start).toISOString(), count: counts.get(start) ?? 0 });
  }
  return series;
}

export function computeStats(
  records: readonly StatsInput[],
  roleOf: (account: string) => SenderRole,
  bucket: StatsBucket,
  range: { since?: Date; until?: Date } = {},
): TransactionStats {
  const byStatus = { pending: 0, mined: 0, reverted: 0 } satisfies Record<TransactionStatus, number>;
  const byRole = { admin: 0, doctor: 0, patient: 0, unregistered: 0 } satisfies Record<SenderRole, number>;
  const latencies: number[] = [];
  let gasTotal = 0n;
  let gasSamples = 0;
  let feeTotal = 0n;
  for (const record of records) {
    byStatus[record.status] += 1;
    byRole[roleOf(record.from)] += 1;
    if (record.status !== 'pending' && record.latencyMs !== undefined) latencies.push(record.latencyMs);
    if (record.gasUsed) {
      gasTotal += BigInt(record.gasUsed);
      gasSamples += 1;
    }
    if (record.feeWei) feeTotal += BigInt(record.feeWei);
  }
  latencies.sort((a, b) => a - b);
  return {
    bucket,
    total: records.length,
    perBucket: perBucket(
      records.map((record) => record.sortTime.getTime()),
      bucket,
      range,
    ),
    latency: {
      samples: latencies.length,
      meanMs: latencies.length ? latencies.reduce((sum, value) => sum + value, 0) / latencies.length : null,
      p95Ms: percentile(latencies, 95),
    },
    byStatus,
    byRole,
    gas: {
      meanGasUsed: gasSamples ? Number(gasTotal) / gasSamples : null,
      totalFeeEth: formatEther(feeTotal),
    },
  };
}
