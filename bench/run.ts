/**
 * `npm run bench` (full) and `npm run bench:quick`: every section of bench/sections.ts measured in one run,
 * printed as a table and written to bench/results/latest.json (rows, notes and time series), with its
 * picture in latest.html and latest.png (results/report.ts). A section that
 * fails is reported as failed (and the command exits non-zero) after the others have run.
 */
import { cpus } from 'node:os';
import { formatRows, writeResults, type BenchRow } from './results/bench-row';
import { writeReport } from './results/report';
import type { BenchMode, BenchSeries } from './results/bench-section';
import { BENCH_SECTIONS } from './sections';

async function main(): Promise<void> {
  const mode: BenchMode = process.argv.includes('--quick') ? 'quick' : 'full';
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const sections = BENCH_SECTIONS.filter((section) => !only || section.name.includes(only));
  console.log(
    `bench (${mode}) on ${cpus().length} cores, Node ${process.version}: ${sections.map((s) => s.name).join(', ')}`,
  );
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const series: BenchSeries[] = [];
  const failed: string[] = [];
  for (const section of sections) {
    const started = Date.now();
    try {
      const result = await section.run(mode);
      rows.push(...result.rows);
      notes.push(...(result.notes ?? []));
      series.push(...(result.series ?? []));
      console.log(`  ${section.name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed.push(section.name);
      console.error(`  ${section.name}: FAILED after ${((Date.now() - started) / 1000).toFixed(1)} s`, error);
    }
  }
  console.log(`\n${formatRows(rows)}`);
  for (const note of notes) console.log(`\n${note}`);
  writeResults({ rows, notes, series, failedSections: failed }, mode);
  const report = await writeReport();
  console.log(
    `\n${rows.filter((row) => !row.pass).length} of ${rows.length} rows below their goal; bench/results/latest.json, ` +
      `${report.png ? 'latest.html and latest.png' : `latest.html written (no latest.png: ${report.skipped})`}`,
  );
  if (failed.length) {
    console.error(`sections that failed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
