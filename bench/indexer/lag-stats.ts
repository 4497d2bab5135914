/** The indexer bench's arithmetic: percentiles and per-second series of the steady-load phase. */
import type { BenchSeries } from '../results/bench-section';

/** Nearest-rank percentile (p in 0..100) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** One transaction of the steady load: when its receipt was mined and when the read model showed it (ms). */
export interface LagSample {
  minedAt: number;
  visibleAt: number;
}

/**
 * Per second since `start`: transactions mined in that second, and the p95 lag of those mined in it
 * (seconds in which nothing was mined have no lag point).
 */
export function steadyLoadSeries(samples: readonly LagSample[], start: number, label: string): BenchSeries[] {
  const bySecond = new Map<number, number[]>();
  for (const sample of samples) {
    const second = Math.floor((sample.minedAt - start) / 1000);
    bySecond.set(second, [...(bySecond.get(second) ?? []), sample.visibleAt - sample.minedAt]);
  }
  const seconds = samples.length ? Math.max(...bySecond.keys()) + 1 : 0;
  const mined = Array.from({ length: seconds }, (_, t) => ({ t, value: bySecond.get(t)?.length ?? 0 }));
  const lag = [...bySecond.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, lags]) => ({ t, value: percentile(lags, 95) }));
  return [
    { name: `${label}: transactions mined per second`, unit: 'tx/s', points: mined },
    { name: `${label}: chain → read model lag, p95 of the second`, unit: 'ms', points: lag },
  ];
}
