/**
 * How the app's own codes read in FHIR R4, one table each: appointment statuses, patients' sexes and record
 * kinds. Every value of the app's lists has a row (the `Record` types make a missing row a compile error),
 * and the tests walk every row.
 */
import type { Appointment, AppointmentParticipant, CodeableConcept, Patient } from '@medplum/fhirtypes';
import type { PatientSex, RecordKind } from '@api';
import type { ListedStatus } from '../../appointments';

export interface AppointmentStatusRow {
  /** Appointment.status: the R4 code closest to what happened. */
  status: NonNullable<Appointment['status']>;
  /** The doctor's participant status (the patient asked, so theirs is always `accepted`). */
  practitioner: NonNullable<AppointmentParticipant['status']>;
  /** Appointment.cancelationReason, in words, for the statuses that end an appointment that never took place. */
  cancelationReason?: string;
}

/**
 * FHIR has no "rejected", "expired", "disputed" or "refunded": the nearest status is used, and the app's own
 * code travels beside it in an extension (FHIR_URIS.appStatus), so nothing is lost.
 */
export const APPOINTMENT_STATUS_TO_FHIR: Record<ListedStatus, AppointmentStatusRow> = {
  // The patient asked; the doctor has not answered yet.
  requested: { status: 'pending', practitioner: 'needs-action' },
  accepted: { status: 'booked', practitioner: 'accepted' },
  rejected: { status: 'cancelled', practitioner: 'declined', cancelationReason: 'Declined by the practitioner' },
  // Either party may cancel (the patient a request at any time); the fee went back to the patient.
  cancelled: { status: 'cancelled', practitioner: 'accepted', cancelationReason: 'Cancelled before the visit' },
  completed: { status: 'fulfilled', practitioner: 'accepted' },
  'no-show': { status: 'noshow', practitioner: 'accepted' },
  // The patient disputes the doctor's no-show: still a no-show until an admin settles it.
  disputed: { status: 'noshow', practitioner: 'accepted' },
  // Accepted, but the doctor recorded no outcome in time, so the patient took the fee back: what happened is not
  // known, and FHIR R4 has no "unknown" status; the app status extension says exactly this.
  expired: {
    status: 'cancelled',
    practitioner: 'accepted',
    cancelationReason: 'Not closed by the practitioner in time; fee returned to the patient',
  },
  // An admin settled a disputed no-show for the patient: the visit did not happen through the patient's fault.
  refunded: { status: 'cancelled', practitioner: 'accepted', cancelationReason: 'No-show overturned; fee refunded' },
};

/** Patient.gender (administrative gender): `undisclosed` is FHIR's `unknown` ("not known" includes "not told"). */
export const SEX_TO_ADMINISTRATIVE_GENDER: Record<PatientSex, NonNullable<Patient['gender']>> = {
  female: 'female',
  male: 'male',
  other: 'other',
  undisclosed: 'unknown',
};

const LOINC = 'http://loinc.org';

/** DocumentReference.type: the kind's LOINC document code where one fits, and always the app's own code. */
export const RECORD_KIND_TO_TYPE: Record<RecordKind, { loinc?: { code: string; display: string }; text: string }> = {
  'test-report': { loinc: { code: '11502-2', display: 'Laboratory report' }, text: 'Test report' },
  'consultation-note': { loinc: { code: '11488-4', display: 'Consult note' }, text: 'Consultation note' },
  prescription: { loinc: { code: '57833-6', display: 'Prescription for medication' }, text: 'Prescription' },
  imaging: { loinc: { code: '18748-4', display: 'Diagnostic imaging study' }, text: 'Imaging' },
  other: { text: 'Other document' },
};

export function recordKindConcept(kind: RecordKind, recordKindSystem: string): CodeableConcept {
  const row = RECORD_KIND_TO_TYPE[kind];
  return {
    coding: [
      ...(row.loinc ? [{ system: LOINC, ...row.loinc }] : []),
      { system: recordKindSystem, code: kind, display: row.text },
    ],
    text: row.text,
  };
}
