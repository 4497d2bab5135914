import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchRow, formatRows, writeResults } from '../results/bench-row';

describe('benchmark rows (bench/results/latest.json)', () => {
  it('When a row has a baseline, then its ratio is value / baseline and a ratio goal is judged on it', () => {
    const row = benchRow({
      name: 'write path',
      value: 45,
      unit: 'tx/s',
      baseline: 50,
      goal: { atLeast: 0.9, on: 'ratio' },
    });
    expect(row).toMatchObject({ ratio: 0.9, pass: true, goal: 'ratio ≥ 0.9' });
    expect(
      benchRow({ name: 'slow', value: 40, unit: 'tx/s', baseline: 50, goal: { atLeast: 0.9, on: 'ratio' } }).pass,
    ).toBe(false);
  });

  it('When a row is below its goal, then it says so in the table and in the file, never hidden', () => {
    const rows = [
      benchRow({ name: 'bulk anchoring', value: 1956, unit: 'records/s', goal: { atLeast: 10_000 } }),
      benchRow({ name: 'search p99', value: 12, unit: 'ms', goal: { atMost: 25 } }),
    ];
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ehr-bench-')), 'latest.json');

    writeResults({ rows, notes: ['bulk anchoring: why it is below its goal'] }, 'quick', file);

    expect(formatRows(rows).split('\n')[1]).toMatch(
      /^bulk anchoring\s+1956\s+records\/s\s+—\s+—\s+≥ 10000 records\/s\s+NO$/,
    );
    const written = JSON.parse(readFileSync(file, 'utf8')) as { mode: string; rows: unknown[]; notes: string[] };
    expect(written.mode).toBe('quick');
    expect(written.notes).toEqual(['bulk anchoring: why it is below its goal']);
    expect(written.rows).toEqual([
      {
        name: 'bulk anchoring',
        value: 1956,
        unit: 'records/s',
        baseline: null,
        ratio: null,
        goal: '≥ 10000 records/s',
        pass: false,
      },
      { name: 'search p99', value: 12, unit: 'ms', baseline: null, ratio: null, goal: '≤ 25 ms', pass: true },
    ]);
  });
});
