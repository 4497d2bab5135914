/**
 * One part of `npm run bench` (chain write path, bulk anchoring, API read path, indexer, IPFS, page load).
 * Each section measures its rows itself — starting and stopping whatever it needs — and may add notes (why a
 * row is below its goal and what would reach it) and time series for the report's picture (tx/s over time).
 * A section is one file under bench/<domain>/ and one entry in bench/sections.ts.
 */
import type { BenchRow } from './bench-row';

export type BenchMode = 'quick' | 'full';

/** A measure over the run's time, e.g. transactions mined per second under load. */
export interface BenchSeries {
  name: string;
  unit: string;
  /** Seconds since the series' own start, and the value in that second (or at that instant). */
  points: { t: number; value: number }[];
}

export interface SectionResult {
  rows: BenchRow[];
  /** Printed under the table and kept in latest.json: e.g. why a row misses its goal and what would reach it. */
  notes?: string[];
  series?: BenchSeries[];
}

export interface BenchSection {
  /** Short, e.g. "chain write path". */
  name: string;
  run(mode: BenchMode): Promise<SectionResult>;
}
