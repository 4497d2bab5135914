/**
 * The figures of one load run: latency percentiles (nearest rank: the 99th percentile is a latency at least
 * 99 % of requests met; a timed-out request counts at the timeout, a lower bound, so timeouts raise the tail
 * instead of leaving it), errors of every kind, and responses answered in each second.
 */
import type { LoadReport } from './load-client';

export interface LoadSummary {
  /** Requests answered (with any status). */
  responses: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Non-2xx answers, socket errors and timeouts. */
  errors: number;
  /** What the errors were, e.g. "503 ×2, socket errors ×1", or "" without errors. */
  errorText: string;
  /** Responses that ended in each whole second since the load began. */
  perSecond: { t: number; value: number }[];
}

/** Nearest-rank percentile of ascending `sorted` (p in 0–100); NaN without values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarizeLoad(report: LoadReport): LoadSummary {
  const timedOut = Array.from({ length: report.timeouts }, () => report.timeoutMs);
  const sorted = [...report.latencies, ...timedOut].sort((a, b) => a - b);
  const socketErrors = report.errors - report.timeouts;
  const errorParts = [
    ...Object.entries(report.statusCodes)
      .filter(([code, count]) => !code.startsWith('2') && count > 0)
      .map(([code, count]) => `${code} ×${count}`),
    ...(socketErrors > 0 ? [`socket errors ×${socketErrors}`] : []),
    ...(report.timeouts > 0 ? [`timeouts ×${report.timeouts}`] : []),
  ];
  const counts = new Map<number, number>();
  for (const second of report.seconds) counts.set(second, (counts.get(second) ?? 0) + 1);
  const last = Math.max(-1, ...counts.keys());
  return {
    responses: report.latencies.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    errors: report.non2xx + report.errors,
    errorText: errorParts.join(', '),
    perSecond: Array.from({ length: last + 1 }, (_, t) => ({ t, value: counts.get(t) ?? 0 })),
  };
}
