/**
 * Chain events → timeline entries. An event concerning two people (a consent grant: patient and doctor)
 * becomes one entry on each timeline, worded for each when read (activity-words.ts). Entries hold facts
 * (addresses, codes, amounts), never names: names are looked up when a timeline is read, so a renamed
 * doctor shows under their current name. Called by the indexer, possibly more than once per log: the
 * store keeps one entry per (transaction, log index, subject).
 */
import { deleteChainEntriesOf, saveChainEntries } from '../data-access/activity-store';
import type { ChainActivity, ChainPosition } from './activity-entry';

type Details = ChainActivity['details'];

/** The entry on `subject`'s timeline and, when someone else acted, on the actor's too. */
function onBothTimelines(kind: string, subject: string, actor: string, details: Details): ChainActivity[] {
  const entries = [{ subject, actor, kind, details }];
  if (actor !== subject) entries.push({ subject: actor, actor, kind, details });
  return entries;
}

/** The entry on the patient's and the doctor's timelines. */
function onPairTimelines(
  kind: string,
  { patient, doctor }: { patient: string; doctor: string },
  actor: string,
  details: Details,
): ChainActivity[] {
  const facts = { ...details, patient, doctor };
  const entries = [{ subject: patient, actor, kind, details: facts }];
  if (doctor !== patient) entries.push({ subject: doctor, actor, kind, details: facts });
  return entries;
}

export const registryActivity = {
  doctorRegistered: (event: { doctor: string; registeredBy: string; speciality: number }) =>
    onBothTimelines('doctor.registered', event.doctor, event.registeredBy, {
      doctor: event.doctor,
      speciality: event.speciality,
    }),
  doctorVerified: (event: { doctor: string; admin: string }) =>
    onBothTimelines('doctor.verified', event.doctor, event.admin, { doctor: event.doctor }),
  doctorRevoked: (event: { doctor: string; admin: string; reason: number }) =>
    onBothTimelines('doctor.revoked', event.doctor, event.admin, { doctor: event.doctor, reason: event.reason }),
  patientRegistered: (event: { patient: string }) => [
    { subject: event.patient, actor: event.patient, kind: 'patient.registered', details: {} },
  ],
  /** RoleGranted / RoleRevoked of DEFAULT_ADMIN_ROLE: `sender` made `account` an admin, or removed them. */
  adminRoleChanged: (event: { account: string; sender: string; granted: boolean }) =>
    onBothTimelines(event.granted ? 'admin.granted' : 'admin.revoked', event.account, event.sender, {
      account: event.account,
    }),
};

export const consentActivity = {
  accessGranted: (event: { patient: string; doctor: string; expiresAt: bigint }) =>
    onPairTimelines('consent.granted', event, event.patient, { expiresAt: event.expiresAt.toString() }),
  accessRevoked: (event: { patient: string; doctor: string }) =>
    onPairTimelines('consent.revoked', event, event.patient, {}),
  /** Caused by an appointment changing status: the Appointments contract called Consent (`hookCaller`). */
  appointmentAccessUpdated: (event: {
    patient: string;
    doctor: string;
    appointmentId: bigint;
    expiresAt: bigint;
    hookCaller: string;
  }) =>
    onPairTimelines('consent.appointment-access', event, event.hookCaller, {
      appointmentId: event.appointmentId.toString(),
      expiresAt: event.expiresAt.toString(),
    }),
};

/** IAppointments.Status as kinds (None and Requested never arrive in AppointmentStatusChanged). */
const APPOINTMENT_STATUS_KINDS = [
  '',
  '',
  'accepted',
  'rejected',
  'cancelled',
  'completed',
  'no-show',
  'disputed',
  'expired',
  'refunded',
] as const;

export const appointmentActivity = {
  /** DoctorTermsSet: the kind keeps its first name (`fee-set`), from when a doctor published only a fee. */
  termsSet: (event: { doctor: string; fee: bigint; slotLength: number }) => [
    {
      subject: event.doctor,
      actor: event.doctor,
      kind: 'appointment.fee-set',
      details: { fee: event.fee.toString(), slotLength: event.slotLength },
    },
  ],
  settlementPeriodsChanged: (event: { admin: string; closingGracePeriod: bigint; disputePeriod: bigint }) => [
    {
      subject: event.admin,
      actor: event.admin,
      kind: 'appointment.settlement-periods-set',
      details: {
        closingGracePeriod: event.closingGracePeriod.toString(),
        disputePeriod: event.disputePeriod.toString(),
      },
    },
  ],
  /** The patient moved the appointment; on both timelines, like every change of it. */
  rescheduled: (event: { id: bigint; patient: string; doctor: string; previousSlot: bigint; slot: bigint }) =>
    onPairTimelines('appointment.rescheduled', event, event.patient, {
      appointmentId: event.id.toString(),
      previousSlot: event.previousSlot.toString(),
      slot: event.slot.toString(),
    }),
  requested: (event: { id: bigint; patient: string; doctor: string; slot: bigint; fee: bigint }) =>
    onPairTimelines('appointment.requested', event, event.patient, {
      appointmentId: event.id.toString(),
      slot: event.slot.toString(),
      fee: event.fee.toString(),
    }),
  statusChanged: (event: { id: bigint; patient: string; doctor: string; status: number; by: string }) => {
    const status = APPOINTMENT_STATUS_KINDS[event.status] || `status-${event.status}`;
    return onPairTimelines(`appointment.${status}`, event, event.by, { appointmentId: event.id.toString() });
  },
  /** Settling an appointment made its fee withdrawable by `payee` (the contract did it, for whoever settled). */
  paymentReleased: (event: { id: bigint; payee: string; amount: bigint; contract: string }) => [
    {
      subject: event.payee,
      actor: event.contract,
      kind: 'appointment.payment-released',
      details: { appointmentId: event.id.toString(), amount: event.amount.toString() },
    },
  ],
  withdrawn: (event: { account: string; amount: bigint }) => [
    {
      subject: event.account,
      actor: event.account,
      kind: 'appointment.withdrawn',
      details: { amount: event.amount.toString() },
    },
  ],
};

export const recordsActivity = {
  added: (event: { id: bigint; patient: string; author: string; kind: number; amends: bigint }) =>
    onBothTimelines(event.amends > 0n ? 'record.amended' : 'record.added', event.patient, event.author, {
      patient: event.patient,
      recordId: event.id.toString(),
      recordKind: event.kind,
      amends: event.amends.toString(),
    }),
};

/** Stores `activities` (from one log) under the source that read them. */
export async function recordChainActivity(
  source: string,
  activities: ChainActivity[],
  at: ChainPosition,
): Promise<void> {
  await saveChainEntries(
    activities.map((activity) => ({
      ...activity,
      at: at.timestamp,
      position: at.blockNumber * 100_000 + at.logIndex,
      source,
      transactionHash: at.transactionHash,
      logIndex: at.logIndex,
      blockNumber: at.blockNumber,
    })),
  );
}

/** Forgets what `source` derived from the chain (before a rebuild); reported entries are kept. */
export async function clearChainActivity(source: string): Promise<void> {
  await deleteChainEntriesOf(source);
}
