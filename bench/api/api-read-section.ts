/**
 * Bench section "API read path": GET /api/doctors, the search behind the SPA's "Find a doctor" page, with a
 * directory of 10,000 doctors in the read model, at a fixed offered rate of 500 requests/s for 20 s from a
 * separate process (autocannon, load-client.ts), signed in as a patient; baseline: GET /api/config at the same
 * rate in the same run. Goal: p99 < 25 ms and no errors (non-2xx, socket errors, timeouts).
 *
 * The server is the real one, started as `npm start` builds it (bench-stack.ts). The 10,000 doctors are seeded
 * into the read model and the profiles through the doctors component's data access (doctor-seed.ts), not
 * registered on chain: that would take many minutes and measure the chain. The directory (doctor-directory.ts)
 * and the request mix (search-queries.ts: first pages, specialities, names, cities, later pages) come from
 * fixed seeds. Each target gets a 1 s warm-up first, not measured. Quick mode: 2,000 doctors, 5 s per target.
 */
import { benchRow } from '../results/bench-row';
import type { BenchSection } from '../results/bench-section';
import { startBenchStack } from './bench-stack';
import { doctorDirectory } from './doctor-directory';
import { seedDoctorDirectory } from './doctor-seed';
import type { LoadSummary } from './latency-stats';
import { runLoad } from './load-run';
import { searchMix } from './search-queries';

const OFFERED_RATE = 500;
const P99_GOAL_MS = 25;
/** Quick mode seeds fewer: seeding 10,000 takes 5–15 s on a busy 2-core machine. */
const DOCTORS = { quick: 2_000, full: 10_000 } as const;
const SECONDS = { quick: 5, full: 20 } as const;
const WARM_UP_SECONDS = 1;
/** The load must really have been offered: at least this share of the requests answered in the window. */
const ANSWERED_SHARE = 0.98;

export const apiReadSection: BenchSection = {
  name: 'API read path',
  async run(mode) {
    const seconds = SECONDS[mode];
    const stack = await startBenchStack();
    try {
      const directory = doctorDirectory(DOCTORS[mode]);
      await seedDoctorDirectory(directory, stack.adminAddress);
      const headers = { cookie: stack.patientCookie };
      const searches = searchMix(4_000);
      await assertSearchSeesDirectory(stack.appUrl, headers, directory.filter((d) => d.status === 'verified').length);

      const load = (paths: string[], durationSeconds: number) =>
        runLoad({ url: stack.appUrl, paths, headers, rate: OFFERED_RATE, durationSeconds });
      await load(['/api/config'], WARM_UP_SECONDS);
      const config = await load(['/api/config'], seconds);
      await load(searches, WARM_UP_SECONDS);
      const search = await load(searches, seconds);

      const what = `${DOCTORS[mode].toLocaleString('en')} doctors, ${OFFERED_RATE} req/s × ${seconds} s`;
      const rows = [
        benchRow({
          name: `API doctor search p99 (${what}; baseline /api/config)`,
          value: search.p99Ms,
          unit: 'ms',
          baseline: config.p99Ms,
          goal: { atMost: P99_GOAL_MS },
        }),
        benchRow({
          name: `API doctor search p50 (${what}; baseline /api/config)`,
          value: search.p50Ms,
          unit: 'ms',
          baseline: config.p50Ms,
          goal: { atMost: P99_GOAL_MS },
        }),
        benchRow({
          name: `API doctor search errors: non-2xx, socket, timeout (${what}; baseline /api/config)`,
          value: search.errors,
          unit: 'errors',
          baseline: config.errors,
          goal: { atMost: 0 },
        }),
        benchRow({
          name: `API doctor search answered (offered ${OFFERED_RATE} req/s; baseline /api/config)`,
          value: search.responses / seconds,
          unit: 'req/s',
          baseline: config.responses / seconds,
          goal: { atLeast: OFFERED_RATE * ANSWERED_SHARE },
        }),
      ];
      return {
        rows,
        notes: shortfallNotes(search, config),
        series: [{ name: 'API doctor search: responses/s', unit: 'responses/s', points: search.perSecond }],
      };
    } finally {
      await stack.stop();
    }
  },
};

/** The seeded directory is what the API searches: a patient's first page counts every verified doctor. */
async function assertSearchSeesDirectory(appUrl: string, headers: Record<string, string>, verified: number) {
  const response = await fetch(`${appUrl}/api/doctors?limit=1`, { headers });
  const body = (await response.json()) as { total?: number };
  if (response.status !== 200 || body.total !== verified) {
    throw new Error(`GET /api/doctors answered ${response.status} with total ${body.total}, expected ${verified}`);
  }
}

/** Why the search misses its p99 goal (measured on a 2-core machine, with the query plans read). */
const SEARCH_SHORTFALL =
  "API read path: the search itself is cut on indexes now: the doctors read model keeps copies of the profile fields Find a doctor sorts and filters on (names, date of joining, city, state), with collated indexes in each sort order, so explain shows an IXSCAN that reads the page's keys and no SORT stage, only the page's ten doctors are joined with their profiles, and the total is a COUNT_SCAN. What remains per request: doctorReader asks the Registry two eth_calls (isAdmin, isPatient) on every search, which on Ganache cost about as much as the search; an unfiltered page's total still counts every verified doctor's index key; and on a busy 2-core machine (see the /api/config baseline) the server, MongoDB, Ganache and the load client share the cores. What would reach 25 ms: roles read once per session or from a read model kept by the indexer (a decision: authorization reads the chain on each request today), a kept count of verified doctors per speciality for the totals, and the bench on a quiet machine.";

function shortfallNotes(search: LoadSummary, config: LoadSummary): string[] {
  const notes: string[] = [];
  if (!(search.p99Ms <= P99_GOAL_MS)) notes.push(SEARCH_SHORTFALL);
  if (search.errors > 0 || config.errors > 0) {
    notes.push(
      `API read path: errors — search: ${search.errorText || 'none'}; /api/config: ${config.errorText || 'none'}.`,
    );
  }
  return notes;
}
