/** The report's picture of a write path: transactions mined in each second of its run ("tx/s over time under load"). */
import type { BenchSeries } from '../results/bench-section';

/** Below this, a run's last, partial second is left out of its series (too short to give a rate). */
const SHORTEST_LAST_SECOND = 0.5;

/** Transactions mined in each second of the path's run (a partial last second as a rate). */
export function minedPerSecond(name: string, result: { seconds: number; minedAt: number[] }): BenchSeries {
  const seconds = Math.ceil(result.seconds);
  const counts = new Array<number>(seconds).fill(0);
  for (const at of result.minedAt) counts[Math.min(seconds - 1, Math.floor(at))]++;
  const lastLength = result.seconds - (seconds - 1);
  const points = counts.map((count, second) => ({
    t: second + 1,
    value: second === seconds - 1 ? count / lastLength : count,
  }));
  return { name, unit: 'tx/s', points: lastLength < SHORTEST_LAST_SECOND ? points.slice(0, -1) : points };
}
