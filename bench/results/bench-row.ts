/**
 * One row of `npm run bench`: a figure, the baseline it is compared with in the same run (so a noisy shared
 * machine still gives a stable ratio), the goal and whether it is met. `bench/results/latest.json` holds the
 * rows of the last run; a row below its goal is reported as such, never hidden.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import type { BenchMode, BenchSeries } from './bench-section';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The same measure of the baseline in the same run, or null when the row has none. */
  baseline: number | null;
  /** value / baseline (null without a baseline). */
  ratio: number | null;
  /** What the row must reach, in words and with its number (e.g. "≥ 10000 records/s"). */
  goal: string;
  pass: boolean;
}

export interface RowInput {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  /** The goal on `value` (or on the ratio, with `on: 'ratio'`). */
  goal: { atLeast?: number; atMost?: number; on?: 'value' | 'ratio' };
}

/** Computes the ratio and whether the goal is met. */
export function benchRow({ name, value, unit, baseline, goal }: RowInput): BenchRow {
  const ratio = baseline === undefined || baseline === 0 ? null : value / baseline;
  const measured = goal.on === 'ratio' ? ratio : value;
  const pass =
    measured !== null &&
    (goal.atLeast === undefined || measured >= goal.atLeast) &&
    (goal.atMost === undefined || measured <= goal.atMost);
  const subject = goal.on === 'ratio' ? 'ratio ' : '';
  const bounds = [
    goal.atLeast !== undefined && `≥ ${goal.atLeast}`,
    goal.atMost !== undefined && `≤ ${goal.atMost}`,
  ].filter(Boolean);
  return {
    name,
    value,
    unit,
    baseline: baseline ?? null,
    ratio,
    goal: `${subject}${bounds.join(' and ')}${goal.on === 'ratio' ? '' : ` ${unit}`}`,
    pass,
  };
}

const round = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2));

/** The rows as a table, one line each. */
export function formatRows(rows: readonly BenchRow[]): string {
  const table = [
    ['name', 'value', 'unit', 'baseline', 'ratio', 'goal', 'pass'],
    ...rows.map((row) => [
      row.name,
      round(row.value),
      row.unit,
      row.baseline === null ? '—' : round(row.baseline),
      row.ratio === null ? '—' : row.ratio.toFixed(2),
      row.goal,
      row.pass ? 'yes' : 'NO',
    ]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  return table
    .map((line) =>
      line
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const LATEST_RESULTS = path.resolve(__dirname, 'latest.json');

export interface BenchResults {
  rows: readonly BenchRow[];
  notes?: readonly string[];
  series?: readonly BenchSeries[];
  /** Sections that threw instead of measuring (their rows are missing). */
  failedSections?: readonly string[];
}

/** Writes the results (with when, how and on what the run was made) to `file`. */
export function writeResults(results: BenchResults, mode: BenchMode, file = LATEST_RESULTS): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version };
  const { rows, notes = [], series = [], failedSections = [] } = results;
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), mode, machine, rows, notes, failedSections, series }, null, 2)}\n`,
  );
}
