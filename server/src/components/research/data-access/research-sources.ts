/**
 * Reads what each participant's scope shares, through the other components' index.ts: the profile's
 * demographics (date of birth, sex, city, state: nothing else is copied out), appointments as
 * (doctor's speciality, status, slot) and the kinds of current record entries. Reason notes, record
 * contents, CIDs, names and contact details are never read into the export's path.
 */
import { findAppointments } from '../../appointments';
import { doctorSummaries } from '../../doctors';
import { findPatientProfile } from '../../patients';
import { findRecordsOfPatient } from '../../records';
import type { ParticipantData } from '../domain/research-dataset';
import { shares } from '../domain/research-dataset';

/** Far more than any patient has; the sources page, the export reads each patient's whole history. */
const ALL = 100_000;

async function demographicsOf(patient: string): Promise<ParticipantData['profile']> {
  const profile = await findPatientProfile(patient);
  return profile && { dateOfBirth: profile.dateOfBirth, sex: profile.sex, city: profile.city, state: profile.state };
}

async function appointmentsOf(patient: string) {
  const { items } = await findAppointments({ patient }, { order: 'asc', offset: 0, limit: ALL });
  return items.map(({ doctor, status, slot }) => ({ doctor, status, slot }));
}

async function recordKindsOf(patient: string) {
  const { items } = await findRecordsOfPatient({ patient, offset: 0, limit: ALL });
  return items.filter((entry) => entry.amendedBy === null).map((entry) => entry.kind);
}

export async function readParticipantData(
  participants: { patient: string; scope: number }[],
): Promise<ParticipantData[]> {
  const read = await Promise.all(
    participants.map(async ({ patient, scope }) => ({
      patient,
      scope,
      profile: shares(scope, 'demographics') ? await demographicsOf(patient) : null,
      appointments: shares(scope, 'appointments') ? await appointmentsOf(patient) : [],
      recordKinds: shares(scope, 'recordKinds') ? await recordKindsOf(patient) : [],
    })),
  );
  const doctors = [...new Set(read.flatMap((participant) => participant.appointments.map((a) => a.doctor)))];
  const summaries = await doctorSummaries(doctors);
  return read.map(({ appointments, ...participant }) => ({
    ...participant,
    appointments: appointments.map(({ doctor, status, slot }) => ({
      speciality: summaries.get(doctor)?.speciality ?? null,
      status,
      slot,
    })),
  }));
}
