/**
 * Checks an EIP-4361 sign-in against what this server expects. The `siwe` package parses the message
 * and verifies the EOA signature; the binding checks (domain, URI, chain, clock) are ours so each
 * failure gets its own code. The nonce is consumed last, only for an otherwise valid sign-in, so a
 * stranger cannot burn someone's nonce with a bad signature and a replay always finds it gone.
 */
import { Signature, getAddress } from 'ethers';
import { SiweErrorType, SiweMessage } from 'siwe';
import { siweError } from './siwe-errors';

/** Clocks of wallet and server may disagree a little. */
const CLOCK_SKEW_MS = 60_000;

export interface SiweExpectations {
  /**
   * The configured origins users reach the app at, e.g. `http://localhost:3000`. The message's domain
   * must be the host (with port when not default) of one of them and its URI on that same origin.
   * Never derived from the request: a relayed message for another site must not match.
   */
  allowedOrigins: readonly string[];
  chainId: number;
  now: Date;
  consumeNonce(nonce: string): Promise<boolean>;
}

function parseMessage(message: string): SiweMessage {
  try {
    return new SiweMessage(message);
  } catch {
    throw siweError('SIWE_MALFORMED', 'The sign-in message is not a valid EIP-4361 message');
  }
}

/** The allowed origin the message names; its URI must be on it. */
function checkSite(siwe: SiweMessage, allowedOrigins: readonly string[]): URL {
  const site = allowedOrigins.map((origin) => new URL(origin)).find((origin) => origin.host === siwe.domain);
  if (!site) {
    const hosts = allowedOrigins.map((origin) => new URL(origin).host).join(' or ');
    throw siweError('SIWE_DOMAIN_MISMATCH', `The message is for ${siwe.domain}, not ${hosts}`);
  }
  let uriOrigin: string;
  try {
    uriOrigin = new URL(siwe.uri).origin;
  } catch {
    throw siweError('SIWE_MALFORMED', 'The message URI is not a URL');
  }
  if (uriOrigin !== site.origin) {
    throw siweError('SIWE_DOMAIN_MISMATCH', `The message URI is on ${uriOrigin}, not ${site.origin}`);
  }
  return site;
}

function checkBinding(siwe: SiweMessage, expected: SiweExpectations): URL {
  const site = checkSite(siwe, expected.allowedOrigins);
  if (siwe.chainId !== expected.chainId) {
    throw siweError(
      'SIWE_CHAIN_MISMATCH',
      `The message is for chain ${siwe.chainId}, this app runs on chain ${expected.chainId}`,
    );
  }
  const issuedAt = siwe.issuedAt ? Date.parse(siwe.issuedAt) : NaN;
  if (Number.isNaN(issuedAt)) throw siweError('SIWE_MALFORMED', 'The message has no valid Issued At time');
  if (issuedAt > expected.now.getTime() + CLOCK_SKEW_MS) {
    throw siweError('SIWE_NOT_YET_VALID', 'The message was issued in the future');
  }
  return site;
}

function isWellFormedSignature(signature: string): boolean {
  try {
    Signature.from(signature);
    return true;
  } catch {
    return false;
  }
}

const failureCodes: Partial<Record<string, Parameters<typeof siweError>[0]>> = {
  [SiweErrorType.EXPIRED_MESSAGE]: 'SIWE_EXPIRED',
  [SiweErrorType.NOT_YET_VALID_MESSAGE]: 'SIWE_NOT_YET_VALID',
  [SiweErrorType.INVALID_SIGNATURE]: 'SIWE_INVALID_SIGNATURE',
  [SiweErrorType.DOMAIN_MISMATCH]: 'SIWE_DOMAIN_MISMATCH',
  [SiweErrorType.NONCE_MISMATCH]: 'SIWE_NONCE_INVALID',
};

/** Returns the checksummed address that signed in, or throws a 401 `SIWE_*` AppError. */
export async function verifySignIn(message: string, signature: string, expected: SiweExpectations): Promise<string> {
  const siwe = parseMessage(message);
  const site = checkBinding(siwe, expected);
  // siwe logs to the console when ethers cannot even decode the signature; reject those first.
  if (!isWellFormedSignature(signature))
    throw siweError('SIWE_INVALID_SIGNATURE', 'The signature is not a valid signature');

  const result = await siwe.verify(
    { signature, domain: site.host, nonce: siwe.nonce, time: expected.now.toISOString() },
    { suppressExceptions: true },
  );
  if (!result.success) {
    const type = result.error && 'type' in result.error ? String(result.error.type) : '';
    const code = failureCodes[type] ?? 'SIWE_MALFORMED';
    throw siweError(code, describe(code));
  }
  if (!(await expected.consumeNonce(siwe.nonce))) {
    throw siweError('SIWE_NONCE_INVALID', 'The nonce is unknown, expired or already used: request a new one');
  }
  return getAddress(siwe.address);
}

function describe(code: Parameters<typeof siweError>[0]): string {
  switch (code) {
    case 'SIWE_EXPIRED':
      return 'The sign-in message has expired';
    case 'SIWE_NOT_YET_VALID':
      return 'The sign-in message is not valid yet';
    case 'SIWE_INVALID_SIGNATURE':
      return 'The signature does not match the message address';
    case 'SIWE_DOMAIN_MISMATCH':
      return 'The sign-in message is for another site';
    case 'SIWE_NONCE_INVALID':
      return 'The nonce does not match';
    default:
      return 'The sign-in message could not be verified';
  }
}
