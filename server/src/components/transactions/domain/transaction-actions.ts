/**
 * What a transaction did, in words: from the first event of it that a person would name ("Verified Dr
 * Ada Lovelace"), else from what the client reported when sending it, else the generic "Contract call".
 * Events that only follow from another one (Consent's appointment access, an escrow release) say nothing
 * on their own. Pure functions: the caller looks up the doctors' names.
 */
import { getAddress, type Result } from 'ethers';
import type { TransactionEvent } from '../data-access/transaction-store';
import { formalDoctorName } from '../../doctors';

/** Appointments' IAppointments.Status, in the contract's enum order. */
const APPOINTMENT_STATUS_WORDS = [
  'Updated',
  'Requested',
  'Accepted',
  'Rejected',
  'Cancelled',
  'Completed',
  'Marked as no-show',
] as const;

/** Events that are a side effect of another event in the same transaction. */
const FOLLOW_UP_EVENTS = new Set(['AppointmentAccessUpdated', 'PaymentReleased', 'RoleAdminChanged']);

const address = (value: unknown) => getAddress(String(value));

/** The facts of one decoded log worth keeping; null for events that never describe a transaction. */
export function describeEvent(name: string, args: Result, logIndex: number): TransactionEvent | null {
  if (FOLLOW_UP_EVENTS.has(name)) return null;
  const event = (subject?: string, detail?: string): TransactionEvent => ({
    logIndex,
    name,
    ...(subject && { subject }),
    ...(detail && { detail }),
  });
  switch (name) {
    case 'DoctorRegistered':
      // The registrant is the doctor, or an admin adding them (registerDoctorFor).
      return event(address(args.doctor), address(args.registeredBy));
    case 'DoctorVerified':
    case 'DoctorRevoked':
    case 'DoctorTermsSet':
    case 'AccessGranted':
    case 'AccessRevoked':
    case 'AppointmentRequested':
      return event(address(args.doctor));
    case 'AppointmentStatusChanged':
      return event(address(args.doctor), `${String(args.id)}:${Number(args.status)}`);
    case 'PatientRegistered':
      return event(address(args.patient));
    case 'RoleGranted':
    case 'RoleRevoked':
      return event(address(args.account));
    case 'RecordAdded':
      return event(address(args.patient));
    case 'BatchAnchored':
      return event(undefined, String(args.leafCount));
    default:
      return event();
  }
}

/** The doctors' names by address; a doctor without one is named by a short address. */
export type NameOf = (address: string) => string | undefined;

const short = (account: string) => `${account.slice(0, 6)}…${account.slice(-4)}`;

function wordsOf(event: TransactionEvent, sender: string, nameOf: NameOf): string {
  const named = event.subject ? nameOf(event.subject) : undefined;
  const doctor = event.subject ? (named ? formalDoctorName(named) : `Dr ${short(event.subject)}`) : 'a doctor';
  const account = event.subject ? short(event.subject) : '';
  switch (event.name) {
    case 'DoctorRegistered':
      return event.detail === event.subject ? 'Registered as a doctor' : `Added ${doctor}`;
    case 'DoctorVerified':
      return `Verified ${doctor}`;
    case 'DoctorRevoked':
      return `Revoked ${doctor}`;
    case 'PatientRegistered':
      return 'Registered as a patient';
    case 'RoleGranted':
      return `Added admin ${account}`;
    case 'RoleRevoked':
      return `Removed admin ${account}`;
    case 'AccessGranted':
      return `Granted ${doctor} access`;
    case 'AccessRevoked':
      return `Revoked ${doctor}'s access`;
    case 'DoctorTermsSet':
      return 'Set the consultation fee and slot length';
    case 'AppointmentRequested':
      return `Booked an appointment with ${doctor}`;
    case 'AppointmentStatusChanged': {
      const [id, status] = (event.detail ?? '').split(':');
      const verb = APPOINTMENT_STATUS_WORDS[Number(status)] ?? 'Updated';
      return event.subject === sender ? `${verb} appointment #${id}` : `${verb} appointment #${id} with ${doctor}`;
    }
    case 'Withdrawn':
      return 'Withdrew payments';
    case 'RecordAdded':
      return event.subject === sender ? 'Added a document to my record' : `Added a record for patient ${account}`;
    case 'BatchAnchored':
      return `Anchored a batch of ${event.detail} legacy records`;
    default:
      // An event with no wording yet: its name, spaced ("AppointmentWindowChanged" → "Appointment window changed").
      return event.name.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').replace(/ [A-Z]/g, (letter) => letter.toLowerCase());
  }
}

/** The action of a transaction in words (see the file comment for the order of preference). */
export function actionWords(
  record: { from: string; events: readonly TransactionEvent[]; reportedAction?: string },
  nameOf: NameOf,
): string {
  const [first] = [...record.events].sort((a, b) => a.logIndex - b.logIndex);
  if (first) return wordsOf(first, record.from, nameOf);
  return record.reportedAction ?? 'Contract call';
}

/** Accounts whose doctor names the words of these events need. */
export function doctorsNamedBy(events: readonly TransactionEvent[]): string[] {
  const doctorEvents = new Set([
    'DoctorRegistered',
    'DoctorVerified',
    'DoctorRevoked',
    'AccessGranted',
    'AccessRevoked',
    'AppointmentRequested',
    'AppointmentStatusChanged',
  ]);
  return events.filter((event) => doctorEvents.has(event.name) && event.subject).map((event) => event.subject!);
}
