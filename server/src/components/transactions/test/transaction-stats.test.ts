import { computeStats, percentile } from '..';

const hour = (h: number, minute = 0) => new Date(Date.UTC(2026, 10, 27, h, minute));
const mined = (from: string, time: Date, latencyMs: number, gasUsed: string, feeWei: string) =>
  ({ from, status: 'mined', sortTime: time, latencyMs, gasUsed, feeWei }) as const;

describe('Transaction statistics', () => {
  // 20 reported, mined transactions with latencies 100, 200, …, 2000 ms, and two more without a report.
  const reported = Array.from({ length: 20 }, (_, i) =>
    mined(i % 2 ? '0xDoctor' : '0xPatient', hour(9 + (i % 3), i), (i + 1) * 100, '50000', '1000000000000000'),
  );
  const records = [
    ...reported,
    { from: '0xAdmin', status: 'reverted', sortTime: hour(12), gasUsed: '30000', feeWei: '500000000000000' } as const,
    { from: '0xNobody', status: 'pending', sortTime: hour(12, 30), latencyMs: 99_999 } as const,
  ];
  const roles: Record<string, 'admin' | 'doctor' | 'patient' | 'unregistered'> = {
    '0xDoctor': 'doctor',
    '0xPatient': 'patient',
    '0xAdmin': 'admin',
  };
  const stats = computeStats(records, (account) => roles[account] ?? 'unregistered', 'hour');

  test('When the latency is computed, then the mean and p95 are over settled reported transactions only', () => {
    expect(stats.latency).toEqual({ samples: 20, meanMs: 1050, p95Ms: 1900 });
  });

  test('When transactions are counted, then by status, by role and per hour they add up', () => {
    expect(stats.total).toBe(22);
    expect(stats.byStatus).toEqual({ pending: 1, mined: 20, reverted: 1 });
    expect(stats.byRole).toEqual({ admin: 1, doctor: 10, patient: 10, unregistered: 1 });
    expect(stats.perBucket).toEqual([
      { start: hour(9).toISOString(), count: 7 },
      { start: hour(10).toISOString(), count: 7 },
      { start: hour(11).toISOString(), count: 6 },
      { start: hour(12).toISOString(), count: 2 },
    ]);
  });

  test('When gas is summed, then the mean gas and the total fee cover mined and reverted transactions', () => {
    expect(stats.gas).toEqual({ meanGasUsed: (20 * 50_000 + 30_000) / 21, totalFeeEth: '0.0205' });
  });

  test('When days are asked over a range with quiet days, then the quiet days read 0', () => {
    const daily = computeStats(records, () => 'patient', 'day', {
      since: new Date(Date.UTC(2026, 10, 25)),
      until: new Date(Date.UTC(2026, 10, 28)),
    });
    expect(daily.perBucket.map((bucket) => bucket.count)).toEqual([0, 0, 22]);
  });

  test('When there are no samples, then the percentile is null; with one, it is that sample', () => {
    expect(percentile([], 95)).toBeNull();
    expect(percentile([42], 95)).toBe(42);
    expect(computeStats([], () => 'admin', 'hour').latency).toEqual({ samples: 0, meanMs: null, p95Ms: null });
  });
});
