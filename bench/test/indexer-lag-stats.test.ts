import { percentile, steadyLoadSeries } from '../indexer/lag-stats';

describe('indexer bench arithmetic', () => {
  test('When percentiles are taken, then the nearest rank is returned', () => {
    const values = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(100);
    expect(percentile(values, 0)).toBe(10);
    expect(percentile([], 95)).toBeNaN();
  });

  test('When samples span seconds, then each second counts its mined transactions and their p95 lag', () => {
    const start = 1_000_000;
    const [mined, lag] = steadyLoadSeries(
      [
        { minedAt: start + 100, visibleAt: start + 150 },
        { minedAt: start + 900, visibleAt: start + 1_000 },
        { minedAt: start + 2_500, visibleAt: start + 2_520 },
      ],
      start,
      'steady',
    );
    expect(mined.points).toEqual([
      { t: 0, value: 2 },
      { t: 1, value: 0 },
      { t: 2, value: 1 },
    ]);
    expect(lag.points).toEqual([
      { t: 0, value: 100 },
      { t: 2, value: 20 },
    ]);
    expect(mined.unit).toBe('tx/s');
  });
});
