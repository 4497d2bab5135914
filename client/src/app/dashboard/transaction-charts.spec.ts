import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { TransactionStats } from '@api';
import { eventually } from '../../testing/eventually';
import { TransactionCharts } from './transaction-charts';

const stats: TransactionStats = {
  bucket: 'hour',
  total: 22,
  perBucket: [
    { start: '2026-11-27T09:00:00.000Z', count: 7 },
    { start: '2026-11-27T10:00:00.000Z', count: 15 },
  ],
  latency: { samples: 20, meanMs: 1050, p95Ms: 1900 },
  byStatus: { pending: 1, mined: 20, reverted: 1 },
  byRole: { admin: 1, doctor: 10, patient: 10, unregistered: 1 },
  gas: { meanGasUsed: 49047.6, totalFeeEth: '0.0205' },
};

describe('TransactionCharts', () => {
  // jsdom has no canvas: it reports every getContext call as "not implemented". Answer as a browser without one.
  beforeEach(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
  afterEach(() => jest.restoreAllMocks());

  function render() {
    TestBed.configureTestingModule({
      imports: [TransactionCharts],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(TransactionCharts);
    fixture.autoDetectChanges();
    return { http: TestBed.inject(HttpTestingController), page: fixture.nativeElement as HTMLElement };
  }
  const figures = (page: HTMLElement) =>
    [...page.querySelectorAll('.figures > div')].map((pair) => [
      pair.querySelector('dt')?.textContent?.trim(),
      pair.querySelector('dd')?.textContent?.trim(),
    ]);

  it('When the statistics arrive, then the latency table, the counts and a canvas per chart show', async () => {
    const { http, page } = render();

    http.expectOne('/api/stats?bucket=hour').flush(stats);
    await eventually(() => page.querySelector('.figures'));

    expect(figures(page)).toEqual([
      ['Transactions', '22'],
      ['Mean latency', '1.05 s'],
      ['p95 latency', '1.90 s'],
      ['Latency samples', '20'],
      ['Mean gas used', '49048'],
      ['Fees paid (ETH)', '0.0205'],
    ]);
    const legends = [...page.querySelectorAll('.legend-figures li')].map((item) => item.textContent?.trim());
    expect(legends).toEqual([
      'Pending: 1',
      'Mined: 20',
      'Reverted: 1',
      'Admin: 1',
      'Doctor: 10',
      'Patient: 10',
      'Unregistered: 1',
    ]);
    expect(page.querySelectorAll('canvas[role="img"]')).toHaveLength(3);
  });

  it('When the admin switches to days, then the statistics are asked per day', async () => {
    const { http, page } = render();
    http.expectOne('/api/stats?bucket=hour').flush(stats);
    await eventually(() => page.querySelector('.figures'));

    [...page.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Per day')!.click();

    const daily = await eventually(() => http.match('/api/stats?bucket=day')[0]);
    daily.flush({ ...stats, bucket: 'day' });
    await eventually(() => page.querySelector('figcaption')?.textContent?.includes('per day'));
  });
});
