import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AppointmentStats } from '@api';
import { eventually } from '../../testing/eventually';
import { AppointmentCharts } from './appointment-charts';

/** 30 UTC days ending 27 Nov 2026: 2 appointments on the 26th, 5 on the 27th, none before. */
const perDay = Array.from({ length: 30 }, (_, index) => {
  const day = new Date(Date.UTC(2026, 10, 27 - 29 + index)).toISOString().slice(0, 10);
  return { day, count: day === '2026-11-26' ? 2 : day === '2026-11-27' ? 5 : 0 };
});
const stats: AppointmentStats = {
  perDay,
  byStatus: {
    requested: 3,
    accepted: 2,
    rejected: 1,
    cancelled: 1,
    completed: 4,
    'no-show': 1,
    disputed: 1,
    expired: 0,
    refunded: 1,
  },
  total: 14,
};

describe('AppointmentCharts', () => {
  // jsdom has no canvas: it reports every getContext call as "not implemented". Answer as a browser without one.
  beforeEach(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
  afterEach(() => jest.restoreAllMocks());

  function render() {
    TestBed.configureTestingModule({
      imports: [AppointmentCharts],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(AppointmentCharts);
    fixture.autoDetectChanges();
    return { http: TestBed.inject(HttpTestingController), page: fixture.nativeElement as HTMLElement };
  }

  it('When the appointment statistics arrive, then a chart per day and by status show, each with its numbers as text', async () => {
    const { http, page } = render();

    http.expectOne('/api/appointments/stats').flush(stats);
    await eventually(() => page.querySelector('.figures'));

    expect(page.querySelector('.figures dd')?.textContent?.trim()).toBe('14');
    expect([...page.querySelectorAll('canvas[role="img"]')].map((canvas) => canvas.getAttribute('aria-label'))).toEqual(
      ['Bar chart of appointments requested per day over the last 30 days', 'Doughnut chart of appointments by status'],
    );
    const rows = [...page.querySelectorAll('.chart-table tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toHaveLength(30);
    const label = (day: string) =>
      new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    expect(rows.slice(-3)).toEqual([
      [label('2026-11-25'), '0'],
      [label('2026-11-26'), '2'],
      [label('2026-11-27'), '5'],
    ]);
    const legend = [...page.querySelectorAll('.legend-figures li')].map((item) => item.textContent?.trim());
    expect(legend).toEqual([
      'Requested: 3',
      'Accepted: 2',
      'Rejected: 1',
      'Cancelled: 1',
      'Completed: 4',
      'No-show: 1',
      'Disputed: 1',
      'Expired: 0',
      'Refunded: 1',
    ]);
  });

  it('When the statistics cannot be read, then the API’s message shows as an alert', async () => {
    const { http, page } = render();

    http
      .expectOne('/api/appointments/stats')
      .flush(
        { error: { code: 'ADMIN_ONLY', message: 'Only admins may see the statistics' } },
        { status: 403, statusText: 'Forbidden' },
      );

    expect(await eventually(() => page.querySelector('[role="alert"]')?.textContent?.trim())).toBe(
      'Only admins may see the statistics',
    );
    expect(page.querySelector('canvas')).toBeNull();
  });
});
