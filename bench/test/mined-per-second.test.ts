import { minedPerSecond } from '../chain/mined-per-second';

describe('transactions mined per second, for the report picture', () => {
  it('When transactions are mined over a run, then each second counts those mined in it', () => {
    const series = minedPerSecond('app', { seconds: 3, minedAt: [0.1, 0.5, 0.9, 1.2, 2.5, 2.9] });

    expect(series).toEqual({
      name: 'app',
      unit: 'tx/s',
      points: [
        { t: 1, value: 3 },
        { t: 2, value: 1 },
        { t: 3, value: 2 },
      ],
    });
  });

  it('When the run ends early in its last second, then that second is a rate, or left out when too short', () => {
    expect(minedPerSecond('raw', { seconds: 1.5, minedAt: [0.2, 1.1, 1.4] }).points).toEqual([
      { t: 1, value: 1 },
      { t: 2, value: 4 },
    ]);
    expect(minedPerSecond('raw', { seconds: 1.2, minedAt: [0.2, 1.1] }).points).toEqual([{ t: 1, value: 1 }]);
  });
});
