/**
 * The page of bench/results/latest.html, built from latest.json alone: the table of rows (with their goals and
 * whether each is met), the notes, and one line chart per time series — e.g. transactions mined per second
 * under load, over the seconds of the run, as the paper's figures 22–23 plot transactions over time. The page
 * is self-contained (chart.js inlined) so it opens from disk and can be photographed offline.
 */
import type { BenchRow } from './bench-row';
import type { BenchMode, BenchSeries } from './bench-section';

/** What writeResults puts in latest.json. */
export interface LatestResults {
  at: string;
  mode: BenchMode;
  machine: { cpus: number; cpuModel: string; node: string };
  rows: BenchRow[];
  notes: string[];
  failedSections: string[];
  series: BenchSeries[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

/** JSON safe inside a <script> element: no "</script>" or "<!--" can close it early. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const figure = (value: number | null): string =>
  value === null || Number.isNaN(value) ? '—' : Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);

function rowsTable(rows: readonly BenchRow[]): string {
  const lines = rows.map(
    (row) => `<tr class="${row.pass ? 'pass' : 'fail'}">
      <th scope="row">${escapeHtml(row.name)}</th><td>${figure(row.value)}</td><td>${escapeHtml(row.unit)}</td>
      <td>${figure(row.baseline)}</td><td>${row.ratio === null ? '—' : row.ratio.toFixed(2)}</td>
      <td>${escapeHtml(row.goal)}</td><td>${row.pass ? 'yes' : 'NO'}</td></tr>`,
  );
  return `<table>
    <thead><tr><th scope="col">row</th><th scope="col">value</th><th scope="col">unit</th><th scope="col">baseline</th>
      <th scope="col">ratio</th><th scope="col">goal</th><th scope="col">goal met</th></tr></thead>
    <tbody>${lines.join('\n')}</tbody>
  </table>`;
}

function seriesCharts(series: readonly BenchSeries[]): string {
  if (series.length === 0)
    return '<p class="muted">No time series in this run (only sections under load record one).</p>';
  return series
    .map(
      (one, index) => `<figure class="chart">
      <div class="canvas-box"><canvas id="series-${index}" data-series="${escapeHtml(one.name)}" role="img"
        aria-label="${escapeHtml(`${one.name} (${one.unit}) over the run's seconds`)}"></canvas></div>
      <figcaption>${escapeHtml(one.name)} — ${escapeHtml(one.unit)}, ${one.points.length} points</figcaption>
    </figure>`,
    )
    .join('\n');
}

/** Draws every chart without animation, then flags the page as ready for its screenshot. */
function chartScript(series: readonly BenchSeries[]): string {
  return `const series = ${scriptJson(series)};
series.forEach((one, index) => {
  new Chart(document.getElementById('series-' + index), {
    type: 'line',
    data: { datasets: [{ label: one.name, data: one.points.map((p) => ({ x: p.t, y: p.value })),
      borderColor: '#1f6feb', backgroundColor: 'rgba(31,111,235,0.15)', fill: true, pointRadius: 2, tension: 0.2 }] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
      plugins: { title: { display: true, text: one.name }, legend: { display: false } },
      scales: {
        x: { type: 'linear', title: { display: true, text: 'seconds since the start' } },
        y: { beginAtZero: true, title: { display: true, text: one.unit } },
      },
    },
  });
});
document.body.dataset.chartsDrawn = String(series.length);`;
}

const STYLE = `body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1b1f24; max-width: 1200px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 24px 0 8px; }
.muted { color: #57606a; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #d0d7de; padding: 4px 8px; text-align: right; }
th[scope="row"], thead th:first-child { text-align: left; font-weight: normal; }
tr.fail td:last-child { color: #b42318; font-weight: bold; } tr.pass td:last-child { color: #1a7f37; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
.chart { margin: 0; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px; }
.canvas-box { position: relative; height: 260px; } figcaption { color: #57606a; font-size: 12px; }
.failed { color: #b42318; }`;

/** The whole page; `chartJs` is chart.js's UMD build, inlined. */
export function reportHtml(results: LatestResults, chartJs: string): string {
  const { machine } = results;
  const failed = results.failedSections.length
    ? `<p class="failed">Sections that failed (their rows are missing): ${results.failedSections.map(escapeHtml).join(', ')}</p>`
    : '';
  const below = results.rows.filter((row) => !row.pass).length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>EHR Hospital benchmarks, ${escapeHtml(results.at)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>EHR Hospital benchmarks</h1>
<p class="muted">${escapeHtml(results.mode)} run at ${escapeHtml(results.at)} on ${machine.cpus} × ${escapeHtml(machine.cpuModel)},
  Node ${escapeHtml(machine.node)} — ${below} of ${results.rows.length} rows below their goal.</p>
${failed}
<h2>Over time, under load</h2>
<div class="charts">${seriesCharts(results.series)}</div>
<h2>Rows</h2>
${rowsTable(results.rows)}
<h2>Notes</h2>
<ul>${results.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('\n')}</ul>
<script>${chartJs}</script>
<script>${chartScript(results.series)}</script>
</body>
</html>
`;
}
