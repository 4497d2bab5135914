/**
 * What the bench asks GET /api/doctors: the requests the SPA's "Find a doctor" page sends (find-a-doctor.ts:
 * sort by name, ascending, 10 a page), in a mix a patient population would make:
 *   30 % the directory as it opens, or paged through (pages 1–5);
 *   25 % one speciality (pages 1–3);
 *   15 % a last name, 10 % a first and last name (the API's name search matches whole words, any case, so
 *        people type names, not prefixes), 5 % a name nobody has (a typo);
 *   10 % a city (half of them with a speciality), 5 % a region sorted by date of joining.
 * The mix is drawn from a seed, so every run sends the same requests in the same order.
 */
import { SPECIALITIES } from '@api';
import { FIRST_NAMES, LAST_NAMES, PLACES, pick, seededRandom } from './doctor-directory';

export const PAGE_SIZE = 10;

const page = (random: () => number, pages: number) => Math.floor(random() * pages) * PAGE_SIZE;

/** One search as the SPA's DoctorsApi.list puts it in a query string (empty filters are not sent). */
export function searchPath(params: Record<string, string | number>): string {
  const query = new URLSearchParams({ sort: 'name', order: 'asc', limit: String(PAGE_SIZE), offset: '0' });
  for (const [key, value] of Object.entries(params)) query.set(key, String(value));
  return `/api/doctors?${query.toString()}`;
}

export function searchMix(count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const speciality = () => pick(random, SPECIALITIES).code;
  return Array.from({ length: count }, () => {
    const roll = random();
    if (roll < 0.3) return searchPath({ offset: page(random, 5) });
    if (roll < 0.55) return searchPath({ speciality: speciality(), offset: page(random, 3) });
    if (roll < 0.7) return searchPath({ q: pick(random, LAST_NAMES) });
    if (roll < 0.8) return searchPath({ q: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}` });
    if (roll < 0.85) return searchPath({ q: `${pick(random, LAST_NAMES)}x` });
    if (roll < 0.95) {
      const [city] = pick(random, PLACES);
      return searchPath(random() < 0.5 ? { city } : { city, speciality: speciality() });
    }
    const [, state] = pick(random, PLACES);
    return searchPath({ state, sort: 'joined' });
  });
}
