import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { eventually } from '../../testing/eventually';
import type { HealthReport } from '@api';
import { HEALTH_REFRESH_MS, SystemStatus } from './system-status';

const report = (latestBlock: number): HealthReport => ({
  status: 'ok',
  chain: { ok: true, chainId: 1337, latestBlock },
  mongo: { ok: true },
  ipfs: { ok: true },
});

describe('SystemStatus', () => {
  // Only the refresh interval runs on a fake clock; Angular's scheduler and the HTTP testing backend keep real timers.
  const realTimers = [
    'Date',
    'nextTick',
    'queueMicrotask',
    'setTimeout',
    'clearTimeout',
    'setImmediate',
    'clearImmediate',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'requestIdleCallback',
    'cancelIdleCallback',
    'hrtime',
    'performance',
  ] as const;
  beforeEach(() => jest.useFakeTimers({ doNotFake: [...realTimers] }));
  afterEach(() => jest.useRealTimers());

  function render() {
    TestBed.configureTestingModule({
      imports: [SystemStatus],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(SystemStatus);
    fixture.autoDetectChanges();
    return { fixture, page: fixture.nativeElement as HTMLElement, http: TestBed.inject(HttpTestingController) };
  }

  const blockchainRow = (page: HTMLElement) => page.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim();

  it('When 10 s pass, then the status is read again, and no longer once the card is gone', async () => {
    const { fixture, page, http } = render();
    http.expectOne('/api/health').flush(report(42));
    await eventually(() => blockchainRow(page)?.includes('block 42'));

    jest.advanceTimersByTime(HEALTH_REFRESH_MS);
    http.expectOne('/api/health').flush(report(43));
    expect(await eventually(() => blockchainRow(page)?.includes('block 43') && blockchainRow(page))).toBe(
      'Online · chain 1337 · block 43',
    );

    fixture.destroy();
    jest.advanceTimersByTime(3 * HEALTH_REFRESH_MS);
    http.expectNone('/api/health');
  });

  it('When the server cannot be reached, then no component claims to be online and the reason shows', async () => {
    const { page, http } = render();
    http.expectOne('/api/health').error(new ProgressEvent('error'), { status: 0 });

    const alert = await eventually(() => page.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('The server cannot be reached.');
    expect(page.querySelector('.pill')).toBeNull();
  });
});
