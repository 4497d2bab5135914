/**
 * How Consent events change the consent read model. Called by the indexer (consent-source.ts), in log
 * order, possibly more than once for the same log (see applyConsentChange for why that is harmless).
 */
import { applyConsentChange, deleteAllConsentPairs } from '../data-access/consent-pair-store';

/** Where an event sits in the chain; later events have larger positions. */
export interface ConsentEventPosition {
  blockNumber: number;
  logIndex: number;
  transactionHash: string;
  timestamp: Date;
}

/** Consent's "until revoked" expiry (`type(uint64).max`). */
export const UNTIL_REVOKED = 2n ** 64n - 1n;

interface Pair {
  patient: string;
  doctor: string;
}

const at = (position: ConsentEventPosition) => ({
  position: position.blockNumber * 100_000 + position.logIndex,
  transactionHash: position.transactionHash,
  timestamp: position.timestamp,
});

/** AccessGranted replaces the patient's explicit grant (it can also shorten it). */
export async function recordAccessGranted(
  event: Pair & { expiresAt: bigint },
  position: ConsentEventPosition,
): Promise<void> {
  const untilRevoked = event.expiresAt === UNTIL_REVOKED;
  await applyConsentChange(event, at(position), {
    grantExpiresAt: untilRevoked ? 0 : Number(event.expiresAt),
    grantUntilRevoked: untilRevoked,
    revoked: false,
  });
}

/** AccessRevoked ends the explicit grant and the access appointments gave, at once. */
export async function recordAccessRevoked(event: Pair, position: ConsentEventPosition): Promise<void> {
  await applyConsentChange(event, at(position), {
    grantExpiresAt: 0,
    grantUntilRevoked: false,
    revoked: true,
    appointmentAccessUntil: 0,
  });
}

/** AppointmentAccessUpdated: an accepted or closed appointment changed the pair's effective expiry. */
export async function recordAppointmentAccessUpdated(
  event: Pair & { expiresAt: bigint },
  position: ConsentEventPosition,
): Promise<void> {
  await applyConsentChange(event, at(position), { appointmentAccessUntil: Number(event.expiresAt) });
}

/** Forgets every pair (chain reset); the chain still holds every grant, so nothing is lost. */
export async function clearConsentReadModel(): Promise<void> {
  await deleteAllConsentPairs();
}
