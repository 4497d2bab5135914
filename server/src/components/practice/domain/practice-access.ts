/**
 * Who may see what of a doctor's practice. Roles come from the chain on each request (data-access).
 * - Hours and terms: any signed-in account for a verified doctor; a doctor not (or no longer) verified
 *   only to admins and to themselves, everyone else gets the 404 of an unknown doctor (as the doctors
 *   directory does, so the route does not tell who is registered).
 * - Free slots: signed-in patients (who book), the doctor themselves and admins; only verified doctors
 *   have slots.
 * - Saving hours: verified doctors, for themselves.
 */
import type { DoctorStatus } from '../../../libraries/chain';
import { forbidden, notFound } from '../../../libraries/errors';
import type { CallerRoles } from '../data-access/practice-chain';

const sameAccount = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const doctorNotFound = (doctor: string) => notFound(`No verified doctor with address ${doctor}`, 'DOCTOR_NOT_FOUND');

export function assertMayViewPractice(caller: string, roles: CallerRoles, doctor: string, status: DoctorStatus): void {
  if (status === 'none') throw doctorNotFound(doctor);
  if (status !== 'verified' && !roles.isAdmin && !sameAccount(caller, doctor)) throw doctorNotFound(doctor);
}

/** Checked before anything about the doctor is read, so a stranger learns nothing from the answer. */
export function assertMayReadSlots(caller: string, roles: CallerRoles, doctor: string): void {
  if (roles.isPatient || roles.isAdmin || sameAccount(caller, doctor)) return;
  throw forbidden(
    'Only patients (and the doctor themselves, and admins) may look up free slots',
    'SLOTS_PATIENTS_ONLY',
  );
}

export function assertBookableDoctor(doctor: string, status: DoctorStatus): void {
  if (status !== 'verified') throw doctorNotFound(doctor);
}

export function assertMaySaveHours(isVerifiedDoctor: boolean): void {
  if (!isVerifiedDoctor)
    throw forbidden('Only verified doctors may save consulting hours', 'PRACTICE_VERIFIED_DOCTORS_ONLY');
}
