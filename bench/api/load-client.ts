/**
 * The load generator of the API read path bench, run in its own process (load-run.ts forks it), so the load
 * never shares the API's event loop. It offers `rate` requests per second for `durationSeconds`, cycling through
 * `paths`, and reports every response's latency, status code and second, and the socket errors and timeouts.
 *
 * autocannon's rate limit hands each connection its whole per-second quota at once (lib/httpClient.js: a
 * 1-second interval resets `reqsMadeThisSecond`), so one instance with C connections would send C requests at
 * the same instant every second and measure its own bursts. Instead, `rate / REQUESTS_PER_INSTANCE` instances of
 * one connection each start evenly spread over the first second: a new one sends its few requests every few
 * milliseconds, which offers the rate smoothly. autocannon's own latency histogram corrects for coordinated
 * omission with a 1 ms interval whatever the rate (run.js), so latencies are taken from its 'response' events.
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  rate: number;
  durationSeconds: number;
}

export interface LoadReport {
  /** Milliseconds from sending to the end of the response, one per response. */
  latencies: number[];
  /** Second (since the load's start) in which each response ended, in the order of `latencies`. */
  seconds: number[];
  statusCodes: Record<string, number>;
  non2xx: number;
  /** Socket errors and timeouts (autocannon counts timeouts among errors). */
  errors: number;
  timeouts: number;
  /** How long a request may take before it counts as timed out. */
  timeoutMs: number;
}

/** Requests per second per one-connection instance: small bursts, and a few hundred sockets at most. */
export const REQUESTS_PER_INSTANCE = 5;
/** A search 40× over its goal has failed: past this it counts as a timeout, and the run stays bounded. */
const TIMEOUT_SECONDS = 1;

export async function offerLoad(load: LoadRequest): Promise<LoadReport> {
  const instances = Math.max(1, Math.round(load.rate / REQUESTS_PER_INSTANCE));
  const latencies: number[] = [];
  const seconds: number[] = [];
  const started = performance.now();
  let next = 0;
  const nextPath = () => load.paths[next++ % load.paths.length];

  // Each instance is also a promise of its result (autocannon's init.js), so a run resolves to that result.
  const runs = Array.from({ length: instances }, async (_, index): Promise<autocannon.Result> => {
    await new Promise((resolve) => setTimeout(resolve, (index * 1_000) / instances));
    const instance = autocannon({
      url: load.url,
      connections: 1,
      overallRate: load.rate / instances,
      duration: load.durationSeconds,
      timeout: TIMEOUT_SECONDS,
      headers: load.headers,
      requests: [{ setupRequest: (request) => ({ ...request, path: nextPath() }) }],
    }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
    const events: autocannon.Instance = instance;
    events.on('response', (_client, _statusCode, _bytes, responseTime: number) => {
      latencies.push(responseTime);
      seconds.push(Math.floor((performance.now() - started) / 1_000));
    });
    return instance;
  });
  const results = await Promise.all(runs);

  const statusCodes: Record<string, number> = {};
  for (const result of results) {
    for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) {
      statusCodes[code] = (statusCodes[code] ?? 0) + (count ?? 0);
    }
  }
  const sum = (pick: (result: autocannon.Result) => number) => results.reduce((total, r) => total + pick(r), 0);
  return {
    latencies,
    seconds,
    statusCodes,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    timeoutMs: TIMEOUT_SECONDS * 1_000,
  };
}

if (require.main === module) {
  process.once('message', (load: LoadRequest) => {
    offerLoad(load).then(
      (report) => process.send?.(report, undefined, {}, () => process.exit(0)),
      (error: Error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
