/**
 * What a transaction did, in words: from the first event of it that a person would name ("Verified Dr
 * Ada Lovelace"), else from what the client reported when sending it, else the generic "Contract call".
 * Fees an appointment's change released follow its words ("Cancelled appointment #3 with Dr. Ada Lovelace;
 * refunded 0.05 ETH"); a release on its own (claimNoShowFee) is named by itself. Events that only follow
 * from another one (Consent's appointment access) say nothing. Pure functions: the caller looks up the
 * doctors' names.
 */
import { formatEther, getAddress, type Result } from 'ethers';
import type { TransactionEvent } from '../data-access/transaction-store';
import { formalDoctorName } from '../../doctors';
import { releaseKind } from './transaction-payments';

/** How each IAppointments.Status (in the contract's enum order) reads before "appointment #id". */
const APPOINTMENT_STATUS_WORDS = [
  'Updated',
  'Requested',
  'Accepted',
  'Rejected',
  'Cancelled',
  'Completed',
  'Marked as no-show',
  'Disputed the no-show of',
  'Reclaimed the fee of',
  'Refunded',
] as const;
const NO_SHOW = 6;
const REFUNDED = 9;

/** Events that are a side effect of another event in the same transaction and never name it. */
const SILENT_EVENTS = new Set(['AppointmentAccessUpdated', 'RoleAdminChanged']);

const address = (value: unknown) => getAddress(String(value));

/** The facts of one decoded log worth keeping; null for events that never describe a transaction. */
export function describeEvent(name: string, args: Result, logIndex: number): TransactionEvent | null {
  if (SILENT_EVENTS.has(name)) return null;
  const event = (subject?: string, detail?: string, amountWei?: bigint): TransactionEvent => ({
    logIndex,
    name,
    ...(subject && { subject }),
    ...(detail && { detail }),
    ...(amountWei !== undefined && { amountWei: amountWei.toString() }),
  });
  switch (name) {
    case 'DoctorRegistered':
      // The registrant is the doctor, or an admin adding them (registerDoctorFor).
      return event(address(args.doctor), address(args.registeredBy));
    case 'DoctorVerified':
    case 'DoctorRevoked':
    case 'AccessGranted':
    case 'AccessRevoked':
      return event(address(args.doctor));
    case 'DoctorTermsSet':
      return event(address(args.doctor), `${String(args.fee)}:${String(args.slotLength)}`);
    case 'SettlementPeriodsChanged':
      return event(address(args.admin), `${String(args.closingGracePeriod)}:${String(args.disputePeriod)}`);
    case 'AppointmentRequested':
      return event(address(args.doctor), String(args.id));
    case 'AppointmentRescheduled':
      return event(address(args.doctor), `${String(args.id)}:${String(args.slot)}`);
    case 'AppointmentStatusChanged':
      return event(address(args.doctor), `${String(args.id)}:${Number(args.status)}`);
    case 'PaymentReleased':
      return event(address(args.payee), String(args.id), args.amount as bigint);
    case 'Withdrawn':
      return event(address(args.account), undefined, args.amount as bigint);
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
const ether = (wei: string | undefined) => `${formatEther(BigInt(wei ?? 0))} ETH`;

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
/** `3 Mar 2026, 14:05 UTC` from unix seconds (the chain's time unit). */
const chainTime = (seconds: string) => `${DATE_TIME.format(new Date(Number(seconds) * 1000))} UTC`;

/** `30 minutes`, `2 hours`, `7 days` from seconds. */
function duration(seconds: string): string {
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

function wordsOf(event: TransactionEvent, sender: string, nameOf: NameOf, events: readonly TransactionEvent[]): string {
  const named = event.subject ? nameOf(event.subject) : undefined;
  const doctor = event.subject ? (named ? formalDoctorName(named) : `Dr ${short(event.subject)}`) : 'a doctor';
  const account = event.subject ? short(event.subject) : '';
  const [first = '', second = ''] = (event.detail ?? '').split(':');
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
      return `Set the consultation fee to ${ether(first)} and slots of ${duration(second)}`;
    case 'SettlementPeriodsChanged':
      return `Set the closing grace period to ${duration(first)} and the dispute period to ${duration(second)}`;
    case 'AppointmentRequested':
      return `Booked appointment #${first} with ${doctor}`;
    case 'AppointmentRescheduled':
      return `Moved appointment #${first} with ${doctor} to ${chainTime(second)}`;
    case 'AppointmentStatusChanged': {
      const status = Number(second);
      // Only the doctor marks a no-show and only an admin refunds one: anyone else settled a dispute.
      if (status === REFUNDED || (status === NO_SHOW && event.subject !== sender))
        return `Settled the dispute over appointment #${first} with ${doctor} for the ${status === REFUNDED ? 'patient' : 'doctor'}`;
      const verb = APPOINTMENT_STATUS_WORDS[status] ?? 'Updated';
      return event.subject === sender
        ? `${verb} appointment #${first}`
        : `${verb} appointment #${first} with ${doctor}`;
    }
    case 'PaymentReleased':
      if (releaseKind(event, events) === 'refunded') return `Refunded ${ether(event.amountWei)}`;
      return event.subject === sender && !events.some((other) => other.name === 'AppointmentStatusChanged')
        ? `Claimed the no-show fee of appointment #${first} (${ether(event.amountWei)})`
        : `Released ${ether(event.amountWei)} to ${doctor}`;
    case 'Withdrawn':
      return `Withdrew ${ether(event.amountWei)}`;
    case 'RecordAdded':
      return event.subject === sender ? 'Added a document to my record' : `Added a record for patient ${account}`;
    case 'BatchAnchored':
      return `Anchored a batch of ${event.detail} legacy records`;
    default:
      // An event with no wording yet: its name, spaced ("AppointmentWindowChanged" → "Appointment window changed").
      return event.name.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').replace(/ [A-Z]/g, (letter) => letter.toLowerCase());
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The action of a transaction in words (see the file comment for the order of preference). */
export function actionWords(
  record: { from: string; events: readonly TransactionEvent[]; reportedAction?: string },
  nameOf: NameOf,
): string {
  const events = [...record.events].sort((a, b) => a.logIndex - b.logIndex);
  const releases = events.filter((event) => event.name === 'PaymentReleased');
  const [leading] = events.filter((event) => event.name !== 'PaymentReleased');
  const say = (event: TransactionEvent) => wordsOf(event, record.from, nameOf, events);
  if (leading) return [say(leading), ...releases.map((release) => lowerFirst(say(release)))].join('; ');
  if (releases.length > 0) return releases.map(say).join('; ');
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
    'AppointmentRescheduled',
    'AppointmentStatusChanged',
    'PaymentReleased',
  ]);
  return events.filter((event) => doctorEvents.has(event.name) && event.subject).map((event) => event.subject!);
}
