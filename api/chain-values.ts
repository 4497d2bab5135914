/**
 * Values the contracts define that server and client spell the same way. Plain data, no zod: the
 * client may import values from here without pulling a schema library into its bundle.
 */

/** IRegistry.DoctorStatus as the API spells it; the array order is the contract's enum order. */
export const DOCTOR_STATUSES = ['none', 'pending', 'verified', 'revoked'] as const;
export type DoctorStatus = (typeof DOCTOR_STATUSES)[number];

/** The statuses a registered doctor can have: what the doctors read model holds and lists. */
export const REGISTERED_DOCTOR_STATUSES = ['pending', 'verified', 'revoked'] as const;
export type RegisteredDoctorStatus = (typeof REGISTERED_DOCTOR_STATUSES)[number];

/** Consent's expiry for access "until revoked" (`type(uint64).max`). */
export const UNTIL_REVOKED = 2n ** 64n - 1n;

/** IAppointments.Status as the API spells it; the array order is the contract's enum order. */
export const APPOINTMENT_STATUSES = [
  'none',
  'requested',
  'accepted',
  'rejected',
  'cancelled',
  'completed',
  'no-show',
  'disputed',
  'expired',
  'refunded',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** The statuses an appointment the read model holds can have (every one but `none`). */
export const LISTED_APPOINTMENT_STATUSES = APPOINTMENT_STATUSES.slice(1) as Exclude<AppointmentStatus, 'none'>[];
/** Bounds of a doctor's slot length on chain (Appointments.MIN_SLOT_LENGTH / MAX_SLOT_LENGTH), in seconds. */
export const SLOT_LENGTH_BOUNDS = { min: 5 * 60, max: 4 * 60 * 60 } as const;

/** Records.Kind, in the contract's order (the index is the on-chain value). */
export const RECORD_KINDS = ['test-report', 'consultation-note', 'prescription', 'imaging', 'other'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
/** The kinds a patient may add themselves; notes and prescriptions come from doctors (Records.sol). */
export const PATIENT_RECORD_KINDS = ['test-report', 'imaging', 'other'] as const satisfies readonly RecordKind[];
