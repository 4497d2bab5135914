/**
 * A doctor's practice: consulting hours (saved by the verified doctor, kept in MongoDB) beside the
 * on-chain terms (fee and slot length, read live from Appointments.doctorTerms).
 */
import type { PracticeHoursRequestSchema, PracticeView } from '@api';
import type { z } from 'zod';
import {
  callerRoles,
  doctorStatusOf,
  doctorTerms,
  isVerifiedDoctor,
  latestMoment,
  type DoctorTerms,
  type PracticeContracts,
} from '../data-access/practice-chain';
import { findPracticeHours, savePracticeHours, type PracticeHours } from '../data-access/practice-hours-store';
import { assertMaySaveHours, assertMayViewPractice } from './practice-access';

export type ValidPracticeHours = z.infer<typeof PracticeHoursRequestSchema>;

function toPracticeView(doctor: string, terms: DoctorTerms | null, hours: PracticeHours | null): PracticeView {
  return {
    doctor,
    feeWei: terms?.feeWei ?? null,
    slotLength: terms?.slotLength ?? null,
    hours: hours && {
      timeZone: hours.timeZone,
      sessions: hours.sessions.map(({ weekday, start, end }) => ({ weekday, start, end })),
      updatedAt: hours.updatedAt.toISOString(),
    },
  };
}

/** The signed-in doctor replaces their consulting hours (verified doctors only, asked of the Registry now). */
export async function saveOwnHours(
  contracts: PracticeContracts,
  doctor: string,
  input: ValidPracticeHours,
  now: Date = new Date(),
): Promise<PracticeView> {
  assertMaySaveHours(await isVerifiedDoctor(contracts, doctor));
  // Kept in the order of the week, as the doctor reads them back.
  const sessions = [...input.sessions].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
  const hours: PracticeHours = { doctor, timeZone: input.timeZone, sessions, updatedAt: now };
  await savePracticeHours(hours);
  return toPracticeView(doctor, await doctorTerms(contracts, doctor), hours);
}

/** A doctor's terms and hours, as `caller` may see them (practice-access). */
export async function readPractice(
  contracts: PracticeContracts,
  caller: string,
  doctor: string,
): Promise<PracticeView> {
  const at = await latestMoment(contracts);
  const [roles, status] = await Promise.all([callerRoles(contracts, caller), doctorStatusOf(contracts, doctor, at)]);
  assertMayViewPractice(caller, roles, doctor, status);
  const [terms, hours] = await Promise.all([doctorTerms(contracts, doctor, at), findPracticeHours(doctor)]);
  return toPracticeView(doctor, terms, hours);
}
