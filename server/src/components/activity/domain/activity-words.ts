/**
 * An entry in words for the person whose timeline it is on: "You granted Dr Ada Byron access …" on the
 * patient's, "patient 0x12…ab granted you access …" on the doctor's. Names come from `Names`, read when
 * the timeline is, so they are never stale copies.
 */
import type { ActivityRecord } from '../data-access/activity-store';
import type { Names } from './activity-names';
import { chainTime, duration, ether, recordKind, revocationReason, until } from './activity-vocabulary';

type Wording = (entry: ActivityRecord, names: Names, d: Record<string, string>) => string;

const you = (entry: ActivityRecord) => entry.actor === entry.subject;
const isPatient = (entry: ActivityRecord, d: Record<string, string>) => entry.subject === d.patient;

const APPOINTMENT_VERBS: Record<string, string> = {
  accepted: 'accepted',
  rejected: 'rejected',
  cancelled: 'cancelled',
  completed: 'marked as completed',
  'no-show': 'marked as a no-show',
  disputed: 'disputed the no-show of',
  expired: 'reclaimed the fee of',
  refunded: 'refunded the fee of',
};

const WORDINGS: Record<string, Wording> = {
  'doctor.registered': (e, n, d) =>
    e.subject === d.doctor
      ? you(e)
        ? 'You registered as a doctor; an admin will check your licence and verify you.'
        : `${n.admin(e.actor)} registered you as a doctor; an admin will verify you.`
      : `You registered ${n.doctor(d.doctor)} as a doctor.`,
  'doctor.verified': (e, n, d) =>
    e.subject === d.doctor ? `${n.admin(e.actor)} verified you as a doctor.` : `You verified ${n.doctor(d.doctor)}.`,
  'doctor.revoked': (e, n, d) =>
    e.subject === d.doctor
      ? `${n.admin(e.actor)} revoked your verification: ${revocationReason(Number(d.reason))}.`
      : `You revoked ${n.doctor(d.doctor)}'s verification: ${revocationReason(Number(d.reason))}.`,
  'patient.registered': () => 'You registered as a patient.',
  'admin.granted': (e, n, d) =>
    e.subject !== d.account
      ? `You made ${n.account(d.account)} an admin.`
      : you(e)
        ? 'You became an admin.'
        : `${n.admin(e.actor)} made you an admin.`,
  'admin.revoked': (e, n, d) =>
    e.subject !== d.account
      ? `You removed ${n.account(d.account)} as an admin.`
      : you(e)
        ? 'You gave up your admin role.'
        : `${n.admin(e.actor)} removed you as an admin.`,
  'consent.granted': (e, n, d) =>
    isPatient(e, d)
      ? `You granted ${n.doctor(d.doctor)} access to your records ${until(d.expiresAt)}.`
      : `${n.patient(d.patient)} granted you access to their records ${until(d.expiresAt)}.`,
  'consent.revoked': (e, n, d) =>
    isPatient(e, d)
      ? `You revoked ${n.doctor(d.doctor)}'s access to your records.`
      : `${n.patient(d.patient)} revoked your access to their records.`,
  /** The access the pair has after an appointment changed (explicit grants included); 0 = none left. */
  'consent.appointment-access': (e, n, d) => {
    const ended = BigInt(d.expiresAt) === 0n;
    const prefix = `Appointment #${d.appointmentId}:`;
    if (isPatient(e, d))
      return ended
        ? `${prefix} ${n.doctor(d.doctor)} no longer has access to your records.`
        : `${prefix} ${n.doctor(d.doctor)} has access to your records ${until(d.expiresAt)}.`;
    return ended
      ? `${prefix} you no longer have access to ${n.patient(d.patient)}'s records.`
      : `${prefix} you have access to ${n.patient(d.patient)}'s records ${until(d.expiresAt)}.`;
  },
  'appointment.fee-set': (_e, _n, d) =>
    d.slotLength
      ? `You set your appointment fee to ${ether(d.fee)} and your slot length to ${duration(d.slotLength)}.`
      : `You set your appointment fee to ${ether(d.fee)}.`,
  'appointment.settlement-periods-set': (_e, _n, d) =>
    `You set the closing grace period to ${duration(d.closingGracePeriod)} and the dispute period to ${duration(d.disputePeriod)}.`,
  'appointment.rescheduled': (e, n, d) => {
    const times = `from ${chainTime(d.previousSlot)} to ${chainTime(d.slot)}`;
    return isPatient(e, d)
      ? `You moved appointment #${d.appointmentId} with ${n.doctor(d.doctor)} ${times}.`
      : `${n.patient(d.patient)} moved appointment #${d.appointmentId} with you ${times}.`;
  },
  'appointment.requested': (e, n, d) =>
    isPatient(e, d)
      ? `You requested appointment #${d.appointmentId} with ${n.doctor(d.doctor)} for ${chainTime(d.slot)}, paying ${ether(d.fee)}.`
      : `${n.patient(d.patient)} requested appointment #${d.appointmentId} with you for ${chainTime(d.slot)}.`,
  'appointment.payment-released': (_e, _n, d) =>
    `The fee of appointment #${d.appointmentId} (${ether(d.amount)}) is yours to withdraw.`,
  'appointment.withdrawn': (_e, _n, d) => `You withdrew ${ether(d.amount)}.`,
  'record.added': (e, n, d) => recordWords(e, n, d, `added ${recordKind(Number(d.recordKind))}`),
  'record.amended': (e, n, d) =>
    recordWords(e, n, d, `corrected entry #${d.amends} with ${recordKind(Number(d.recordKind))}`),
};

function recordWords(e: ActivityRecord, n: Names, d: Record<string, string>, action: string): string {
  if (isPatient(e, d)) return `${you(e) ? 'You' : n.doctor(e.actor)} ${action} in your records (entry #${d.recordId}).`;
  return `You ${action} in ${n.patient(d.patient)}'s records (entry #${d.recordId}).`;
}

function appointmentStatusWords(e: ActivityRecord, n: Names, d: Record<string, string>, status: string): string {
  const byParty = e.actor === d.doctor || e.actor === d.patient;
  // An admin settling a dispute for the doctor puts the appointment back to no-show.
  const verb =
    status === 'no-show' && !byParty ? 'upheld the no-show of' : (APPOINTMENT_VERBS[status] ?? `moved to ${status}`);
  const other = isPatient(e, d) ? n.doctor(d.doctor) : n.patient(d.patient);
  if (you(e)) return `You ${verb} appointment #${d.appointmentId} with ${other}.`;
  const actor =
    e.actor === d.doctor ? n.doctor(e.actor) : e.actor === d.patient ? n.patient(e.actor) : n.admin(e.actor);
  const words = `${actor} ${verb} appointment #${d.appointmentId} with you.`;
  // markNoShow holds the fee: the patient learns what they can do about it.
  if (status === 'no-show' && byParty && isPatient(e, d))
    return `${words} Its fee stays held until the dispute period ends; you may dispute the no-show before then.`;
  return words;
}

/**
 * Reported entries: the reporter's words with `{actor}` and `{subject}` (the report's, kept in
 * `details.about`) filled in; whichever of them owns this timeline reads as "you".
 */
function reportedWords(entry: ActivityRecord, names: Names): string {
  const about = String(entry.details?.about ?? entry.subject);
  const nameOf = (address: string) => (address === entry.subject ? 'you' : names.account(address));
  return (entry.words ?? entry.kind).replaceAll('{actor}', nameOf(entry.actor)).replaceAll('{subject}', nameOf(about));
}

export function wordsFor(entry: ActivityRecord, names: Names): string {
  if (entry.origin === 'app') return capitalise(reportedWords(entry, names));
  const details = Object.fromEntries(Object.entries(entry.details ?? {}).map(([key, value]) => [key, String(value)]));
  const wording = WORDINGS[entry.kind];
  if (wording) return wording(entry, names, details);
  if (entry.kind.startsWith('appointment.'))
    return appointmentStatusWords(entry, names, details, entry.kind.slice('appointment.'.length));
  return `${entry.kind} (${names.account(entry.actor)})`;
}

/** Every address an entry's words may name, to look the names up in one go. */
export function addressesIn(entry: ActivityRecord): string[] {
  const fromDetails = Object.values(entry.details ?? {}).filter(
    (value): value is string => typeof value === 'string' && /^0x[0-9a-fA-F]{40}$/.test(value),
  );
  return [entry.subject, entry.actor, ...fromDetails];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
