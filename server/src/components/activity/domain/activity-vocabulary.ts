/** Words for the codes the contracts store as numbers, and for times and amounts, as timelines show them. */
import { formatEther } from 'ethers';
import { UNTIL_REVOKED } from '@api';

/**
 * Registry.revokeDoctor reason codes. The client's `doctors/doctor.ts` (REVOCATION_REASONS) is the
 * source and docs/specialities.md lists them; keep the three in step until the list moves to api/.
 */
const REVOCATION_REASONS: Readonly<Record<number, string>> = {
  1: 'Licence expired',
  2: 'Licence suspended',
  3: 'Registration details incorrect',
  4: 'Left the practice',
  5: 'Other',
};

export const revocationReason = (code: number) => REVOCATION_REASONS[code] ?? `reason ${code}`;

/** IRecords.Kind, in its order, with the article a sentence needs. */
const RECORD_KINDS = ['a test report', 'a consultation note', 'a prescription', 'an imaging study', 'a document'];

export const recordKind = (code: number) => RECORD_KINDS[code] ?? 'a document';

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** `3 Mar 2026, 14:05 UTC` from unix seconds (the chain's time unit). */
export const chainTime = (seconds: string | number) => `${DATE_TIME.format(new Date(Number(seconds) * 1000))} UTC`;

/** `until 3 Mar 2026, 14:05 UTC`, or `until revoked` for Consent's UNTIL_REVOKED. */
export const until = (expiresAt: string | number) =>
  BigInt(expiresAt) === UNTIL_REVOKED ? 'until revoked' : `until ${chainTime(expiresAt)}`;

/** `0.05 ETH` from wei as a decimal string. */
export const ether = (wei: string | number) => `${formatEther(BigInt(wei))} ETH`;

/** `30 minutes`, `2 hours`, `7 days` from seconds (slot lengths and settlement periods). */
export function duration(seconds: string | number): string {
  const value = Number(seconds);
  const [size, unit] =
    value % 86_400 === 0
      ? [86_400, 'day']
      : value % 3600 === 0
        ? [3600, 'hour']
        : value % 60 === 0
          ? [60, 'minute']
          : [1, 'second'];
  const count = value / size;
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
