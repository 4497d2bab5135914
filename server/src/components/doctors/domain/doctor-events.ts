/**
 * How Registry events (and Appointments' DoctorTermsSet) change the doctors read model. Called by the indexer, in log order, possibly
 * more than once for the same log (see applyDoctorChange for why that is harmless).
 */
import { applyDoctorChange, copyDirectoryFields, deleteAllDoctors } from '../data-access/doctor-store';
import { findProfileAnyCase } from '../data-access/profile-store';

/** Where an event sits in the chain; later events have larger positions. */
export interface EventPosition {
  blockNumber: number;
  logIndex: number;
  timestamp: Date;
}

const positionOf = (at: EventPosition) => at.blockNumber * 100_000 + at.logIndex;

export async function recordDoctorRegistered(
  event: { doctor: string; registeredBy: string; licenceHash: string; speciality: number },
  at: EventPosition,
): Promise<void> {
  const position = positionOf(at);
  await applyDoctorChange(
    event.doctor,
    position,
    {
      status: 'pending',
      licenceHash: event.licenceHash,
      speciality: event.speciality,
      registeredBy: event.registeredBy,
      registeredAt: at.timestamp,
      registeredPosition: position,
      updatedAt: at.timestamp,
    },
    { create: true },
  );
  // The profile may have been saved before the registration was indexed (Add Doctor), or the read model rebuilt.
  const profile = await findProfileAnyCase(event.doctor);
  if (profile) await copyDirectoryFields(profile);
}

export async function recordDoctorVerified(event: { doctor: string; admin: string }, at: EventPosition): Promise<void> {
  await applyDoctorChange(
    event.doctor,
    positionOf(at),
    { status: 'verified', verifiedBy: event.admin, updatedAt: at.timestamp },
    { create: false },
  );
}

export async function recordDoctorRevoked(
  event: { doctor: string; admin: string; reason: number },
  at: EventPosition,
): Promise<void> {
  await applyDoctorChange(
    event.doctor,
    positionOf(at),
    { status: 'revoked', revokedBy: event.admin, revocationReason: event.reason, updatedAt: at.timestamp },
    { create: false },
  );
}

/** The doctor published terms (fee, slot length): the directory shows the fee. Only verified doctors can. */
export async function recordDoctorTermsSet(
  event: { doctor: string; feeWei: string; slotLength: number },
  at: EventPosition,
): Promise<void> {
  await applyDoctorChange(
    event.doctor,
    positionOf(at),
    { feeWei: event.feeWei, slotLength: event.slotLength },
    { create: false },
  );
}

/** Forgets every doctor (chain reset); profiles are kept. */
export async function clearDoctorReadModel(): Promise<void> {
  await deleteAllDoctors();
}
