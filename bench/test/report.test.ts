import { benchRow } from '../results/bench-row';
import { reportHtml, type LatestResults } from '../results/report-page';

/** A run as latest.json holds it, with the series the load sections record (tx/s over the run's seconds). */
function results(overrides: Partial<LatestResults> = {}): LatestResults {
  const perSecond = (values: number[]) => values.map((value, t) => ({ t, value }));
  return {
    at: '2026-11-27T20:00:00.000Z',
    mode: 'quick',
    machine: { cpus: 2, cpuModel: 'Test CPU', node: 'v20.0.0' },
    rows: [
      benchRow({
        name: 'chain write path: app runner',
        value: 41,
        unit: 'tx/s',
        baseline: 50,
        goal: { atLeast: 0.9, on: 'ratio' },
      }),
      benchRow({ name: 'IPFS add 1 MB', value: 60, unit: 'MB/s', baseline: 90, goal: { atLeast: 0.5, on: 'ratio' } }),
    ],
    notes: ['chain write path: why it is below its goal'],
    failedSections: [],
    series: [
      { name: 'app runner: tx mined per second', unit: 'tx/s', points: perSecond([38, 41, 44, 40]) },
      { name: 'raw: tx mined per second', unit: 'tx/s', points: perSecond([49, 52, 50, 51]) },
      { name: 'indexer: chain → read model lag', unit: 'ms', points: perSecond([120, 90, 150]) },
    ],
    ...overrides,
  };
}

const CHART_LIBRARY = '/* chart.js */';

describe('benchmark report (bench/results/latest.html)', () => {
  it('When the run has rows, then the page shows each with its figures, goal and whether it is met', () => {
    const html = reportHtml(results(), CHART_LIBRARY);

    expect(html).toMatch(/<th scope="row">chain write path: app runner<\/th><td>41\.00<\/td><td>tx\/s<\/td>/);
    expect(html).toMatch(/<td>0\.82<\/td>\s*<td>ratio ≥ 0\.9<\/td><td>NO<\/td>/);
    expect(html).toMatch(/<th scope="row">IPFS add 1 MB<\/th>[\s\S]*?<td>yes<\/td>/);
    expect(html).toContain('1 of 2 rows below their goal');
    expect(html).toContain('<li>chain write path: why it is below its goal</li>');
  });

  it('When the run has time series, then the page has one chart per series with its points', () => {
    const html = reportHtml(results(), CHART_LIBRARY);

    const charted = [...html.matchAll(/<canvas id="series-\d+" data-series="([^"]+)"/g)].map((match) => match[1]);
    expect(charted).toEqual([
      'app runner: tx mined per second',
      'raw: tx mined per second',
      'indexer: chain → read model lag',
    ]);
    const drawn = /const series = (.*);\n/.exec(html)?.[1];
    expect(JSON.parse(drawn!)[0].points).toEqual([
      { t: 0, value: 38 },
      { t: 1, value: 41 },
      { t: 2, value: 44 },
      { t: 3, value: 40 },
    ]);
    expect(html).toContain(`<script>${CHART_LIBRARY}</script>`);
  });

  it('When the run has no series, then the page says so instead of drawing empty charts', () => {
    const html = reportHtml(results({ series: [] }), CHART_LIBRARY);

    expect(html).not.toContain('<canvas');
    expect(html).toContain('No time series in this run');
  });

  it('When a name holds markup, then the page shows it as text and no script can end early', () => {
    const hostile = '</script><img src=x onerror=alert(1)>';
    const html = reportHtml(
      results({
        rows: [benchRow({ name: hostile, value: 1, unit: 'ms', goal: { atMost: 2 } })],
        series: [{ name: hostile, unit: 'tx/s', points: [{ t: 0, value: 1 }] }],
        failedSections: [hostile],
      }),
      CHART_LIBRARY,
    );

    expect(html).not.toContain('<img');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });
});
