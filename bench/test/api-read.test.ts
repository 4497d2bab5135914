/**
 * The API read path bench's arithmetic and inputs: percentiles, error counting, the per-second series,
 * the doctor directory and the search mix (bench/api/).
 */
import { percentile, summarizeLoad } from '../api/latency-stats';
import { doctorDirectory } from '../api/doctor-directory';
import { PAGE_SIZE, searchMix } from '../api/search-queries';

describe('API read path bench', () => {
  test('When latencies are summarised, then p50 and p99 are nearest-rank and a timeout counts at the timeout', () => {
    const latencies = Array.from({ length: 98 }, (_, i) => i + 1);
    const summary = summarizeLoad({
      latencies,
      seconds: latencies.map((ms) => (ms <= 50 ? 0 : 2)),
      statusCodes: { '200': 97, '503': 1 },
      non2xx: 1,
      errors: 3,
      timeouts: 2,
      timeoutMs: 1_000,
    });
    expect(summary.p50Ms).toBe(50);
    expect(summary.p99Ms).toBe(1_000);
    expect(summary.responses).toBe(98);
    expect(summary.errors).toBe(4);
    expect(summary.errorText).toBe('503 ×1, socket errors ×1, timeouts ×2');
    expect(summary.perSecond).toEqual([
      { t: 0, value: 50 },
      { t: 1, value: 0 },
      { t: 2, value: 48 },
    ]);
  });

  test('When there is no latency, then the percentile is not a number', () => {
    expect(percentile([], 99)).toBeNaN();
    expect(percentile([7], 99)).toBe(7);
  });

  test('When the directory is generated twice, then it is the same, varied and mostly verified', () => {
    const directory = doctorDirectory(500);
    expect(doctorDirectory(500)).toEqual(directory);
    expect(new Set(directory.map((d) => d.address)).size).toBe(500);
    expect(new Set(directory.map((d) => d.speciality)).size).toBe(8);
    expect(new Set(directory.map((d) => d.profile.city)).size).toBe(20);
    const verified = directory.filter((d) => d.status === 'verified').length / directory.length;
    expect(verified).toBeGreaterThan(0.85);
    expect(verified).toBeLessThan(0.95);
  });

  test('When the search mix is drawn, then it asks as the SPA does: sorted, paged by ten, with varied filters', () => {
    const paths = searchMix(1_000).map((path) => new URL(path, 'http://bench'));
    expect(paths.every((url) => url.pathname === '/api/doctors')).toBe(true);
    expect(paths.every((url) => url.searchParams.get('limit') === String(PAGE_SIZE))).toBe(true);
    const share = (test: (url: URL) => boolean) => paths.filter(test).length / paths.length;
    expect(share((url) => url.searchParams.has('q'))).toBeGreaterThan(0.2);
    expect(share((url) => url.searchParams.has('speciality'))).toBeGreaterThan(0.2);
    expect(share((url) => url.searchParams.has('city') || url.searchParams.has('state'))).toBeGreaterThan(0.1);
    expect(share((url) => url.searchParams.get('offset') !== '0')).toBeGreaterThan(0.2);
  });
});
