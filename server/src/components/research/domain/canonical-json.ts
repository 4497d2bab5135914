/**
 * The export's canonical JSON (RFC 8785, JSON Canonicalization Scheme: sorted keys, fixed number form)
 * and its sha-256: anyone holding the file can recompute the hash anchored on chain, whatever tool wrote
 * or re-serialised it.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('The research export cannot be serialised');
  return text;
}

/** 0x-prefixed sha-256 of the canonical JSON's UTF-8 bytes: the bytes32 `anchorExport` takes. */
export const sha256Hex = (canonical: string): string =>
  `0x${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
