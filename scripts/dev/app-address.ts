/**
 * Where the stack's app is reached, decided before it starts: the URL `npm start` prints and the
 * origins the API accepts sign-ins and writes from are the same list (never the request's Host).
 */
import { createServer } from 'node:net';
import { loopbackOrigins } from '../../server/src/libraries/config/config';

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

export interface AppAddress {
  /** The URL printed for people to open. */
  url: string;
  /** Every origin a browser on this machine reaches the app at; the API accepts exactly these. */
  origins: string[];
}

/**
 * Listening on loopback or on every interface serves both loopback names (the URL printed is one
 * of them); listening on one other address serves that address only.
 */
export function appAddress(host: string, port: number): AppAddress {
  if (WILDCARD_HOSTS.has(host) || LOOPBACK_HOSTS.has(host)) {
    const origins = loopbackOrigins(port);
    return { url: host === 'localhost' ? origins[1] : origins[0], origins };
  }
  const origin = new URL(`http://${host.includes(':') ? `[${host}]` : host}:${port}`).origin;
  return { url: origin, origins: [origin] };
}

/** A port free on `host` right now, for PORT=0: the origins must name the real port before the server starts. */
export async function pickFreePort(host: string): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, host, resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
