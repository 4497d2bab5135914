/**
 * A patient's active consent grants, read from the Consent contract (the truth, never a read model that may
 * lag a revocation): the doctors named by the patient's AccessGranted events whose explicit grant is still
 * running now and who may use it (hasAccess: verified, not revoked). Appointment-based access is not a grant
 * the patient gave, so it is not listed (the Appointments say it).
 */
import type { Consent } from '@contracts/types';
import { UNTIL_REVOKED } from '@api';

export interface ActiveGrant {
  doctor: string;
  /** Block time of the latest AccessGranted event for the pair: when the running grant was given. */
  grantedAt: Date;
  /** null: until revoked. */
  expiresAt: Date | null;
  transactionHash: string;
  blockNumber: number;
}

export async function activeGrantsOf(consent: Consent, patient: string, fromBlock: number): Promise<ActiveGrant[]> {
  const provider = consent.runner!.provider!;
  const [events, latest] = await Promise.all([
    consent.queryFilter(consent.filters.AccessGranted(patient), fromBlock),
    provider.getBlock('latest'),
  ]);
  const now = BigInt(latest!.timestamp);
  // The latest grant per doctor (events come in chain order).
  const latestByDoctor = new Map(events.map((event) => [event.args.doctor, event]));
  const grants = await Promise.all(
    [...latestByDoctor.entries()].map(async ([doctor, event]): Promise<ActiveGrant | null> => {
      const [access, hasAccess] = await Promise.all([
        consent.getAccess(patient, doctor),
        consent.hasAccess(patient, doctor),
      ]);
      if (!hasAccess || access.grantedUntil <= now) return null;
      const block = await provider.getBlock(event.blockNumber);
      return {
        doctor,
        grantedAt: new Date(block!.timestamp * 1000),
        expiresAt: access.grantedUntil === UNTIL_REVOKED ? null : new Date(Number(access.grantedUntil) * 1000),
        transactionHash: event.transactionHash,
        blockNumber: event.blockNumber,
      };
    }),
  );
  return grants.filter((grant): grant is ActiveGrant => grant !== null);
}
