/**
 * Only programs on this machine may use the node, never web pages, as with Kubo's RPC API:
 * - a request carrying `Origin` comes from a browser (browsers send it on every POST), so any web page
 *   the user visits could otherwise pin, unpin or upload through the user's browser;
 * - a `Host` other than the node's own address means DNS rebinding (evil.example re-pointed at
 *   127.0.0.1), which would let a page read the answers too.
 * Both are refused with 403 before any command runs.
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KuboRpcError } from './kubo-rpc-error.js';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The `Host` values that name this node: its bind address, and the loopback names when it listens on loopback. */
export function ownHostNames(bindHost: string, address: AddressInfo): Set<string> {
  const bind = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  const names = new Set([bind.toLowerCase()]);
  if ([...LOOPBACK_NAMES, '::1'].includes(bindHost.toLowerCase())) LOOPBACK_NAMES.forEach((name) => names.add(name));
  return new Set([...names].map((name) => `${name}:${address.port}`));
}

/** Throws a 403 KuboRpcError unless the request comes from a local program addressing this node by name. */
export function assertLocalCaller(request: IncomingMessage, ownHosts: Set<string>): void {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    throw new KuboRpcError(403, `403 - Forbidden: requests from web pages are refused (Origin: ${origin})`, 1);
  }
  const host = request.headers.host?.toLowerCase();
  if (!host || !ownHosts.has(host)) {
    throw new KuboRpcError(
      403,
      `403 - Forbidden: Host '${host ?? ''}' is not this node's address (expected one of ${[...ownHosts].join(', ')})`,
      1,
    );
  }
}
