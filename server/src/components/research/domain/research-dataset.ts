/**
 * What each live participant shares, as the export's rows start out: quasi-identifiers (age, sex,
 * city/state, the speciality seen most) and the data their scope allows: appointment history as
 * (speciality, status, month) and counts per record kind. Names, contact details, addresses, reason notes,
 * record contents and CIDs never enter a row: the sources below do not even carry them. Pure: no I/O.
 */
import { RESEARCH_SCOPES, type RecordKind } from '@api';
import type { QuasiIdentifiers } from './hierarchies';

/** One live participant's data as the sources read it; only what the scope allows is filled in. */
export interface ParticipantData {
  /** Used to log the export in the patient's access log; never written into the export. */
  patient: string;
  /** The live SCOPE_* bits, as the chain answered at export time. */
  scope: number;
  /** Null when the scope leaves demographics out or the patient never saved a profile. */
  profile: { dateOfBirth: string; sex: string; city: string; state: string } | null;
  appointments: { speciality: number | null; status: string; slot: Date }[];
  /** The kind of every current record entry (amended versions left out). */
  recordKinds: RecordKind[];
}

export interface ResearchSubject {
  patient: string;
  scope: number;
  quasiIdentifiers: QuasiIdentifiers;
  /** Present only with the appointments scope. */
  appointments?: { speciality: number | null; status: string; month: string }[];
  /** Present only with the record-kinds scope. */
  recordKinds?: Partial<Record<RecordKind, number>>;
}

export const shares = (scope: number, name: keyof typeof RESEARCH_SCOPES) => (scope & RESEARCH_SCOPES[name]) !== 0;

/** Whole years between a YYYY-MM-DD birth date and `on` (UTC). */
export function ageOn(dateOfBirth: string, on: Date): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number);
  const hadBirthday = on.getUTCMonth() + 1 > month || (on.getUTCMonth() + 1 === month && on.getUTCDate() >= day);
  return on.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
}

/** The speciality with the most appointments; ties go to the lower code, so the choice is stable. */
export function mostSeenSpeciality(specialities: readonly (number | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const code of specialities) if (code !== null) counts.set(code, (counts.get(code) ?? 0) + 1);
  let best: number | null = null;
  for (const [code, count] of counts) {
    if (best === null || count > counts.get(best)! || (count === counts.get(best)! && code < best)) best = code;
  }
  return best;
}

/** A participant as a row, keeping only what their scope shares. */
export function toSubject(participant: ParticipantData, on: Date): ResearchSubject {
  const { scope, profile } = participant;
  const demographics = shares(scope, 'demographics') ? profile : null;
  const appointments = shares(scope, 'appointments') ? participant.appointments : null;
  const quasiIdentifiers: QuasiIdentifiers = {
    age: demographics ? ageOn(demographics.dateOfBirth, on) : null,
    sex: demographics?.sex ?? null,
    location: demographics ? { city: demographics.city, state: demographics.state } : null,
    speciality: appointments ? mostSeenSpeciality(appointments.map((appointment) => appointment.speciality)) : null,
  };
  const subject: ResearchSubject = { patient: participant.patient, scope, quasiIdentifiers };
  if (appointments) {
    subject.appointments = appointments
      .map(({ speciality, status, slot }) => ({ speciality, status, month: slot.toISOString().slice(0, 7) }))
      .sort((a, b) => a.month.localeCompare(b.month) || (a.speciality ?? 0) - (b.speciality ?? 0));
  }
  if (shares(scope, 'recordKinds')) {
    const counts: Partial<Record<RecordKind, number>> = {};
    for (const kind of participant.recordKinds) counts[kind] = (counts[kind] ?? 0) + 1;
    subject.recordKinds = counts;
  }
  return subject;
}
