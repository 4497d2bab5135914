/**
 * Who may read a patient's profile and health data, decided by the chain on every request: the
 * patient themselves, an admin managing the account, or a doctor with current access per Consent
 * (which already counts only verified doctors and unexpired grants). Everyone else is told the
 * patient does not exist, so an unentitled caller cannot even learn that an address is a patient.
 */
import type { Consent, Erasure, Registry } from '@contracts/types';
import { AppError, notFound } from '../../../libraries/errors';
import { recordAccess } from '../../audit';
import type { AccessReason } from '../data-access/access-log-store';

export interface PatientChain {
  registry: Registry;
  consent: Consent;
  /** Whether a missing profile was erased (410) rather than never written. */
  erasure: Erasure;
}

/** `self`: the patient reads their own data (not logged); otherwise the logged reason. */
export type ReadGrounds = 'self' | AccessReason;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const patientNotFound = (address: string) =>
  notFound(`No patient registered with address ${address}`, 'PATIENT_NOT_FOUND');

export const patientErased = (address: string) =>
  new AppError(
    410,
    'PATIENT_ERASED',
    `The personal data of patient ${address} was erased on request: the profile and every document key are destroyed`,
  );

/** Why `reader` may read `patient`'s data, or the same 404 as for an unknown address. */
export async function readGrounds(chain: PatientChain, reader: string, patient: string): Promise<ReadGrounds> {
  const [isPatient, isAdmin, doctorHasAccess] = await Promise.all([
    chain.registry.isPatient(patient),
    chain.registry.isAdmin(reader),
    same(reader, patient) ? Promise.resolve(false) : chain.consent.hasAccess(patient, reader),
  ]);
  if (!isPatient) throw patientNotFound(patient);
  if (same(reader, patient)) return 'self';
  if (isAdmin) return 'admin';
  if (doctorHasAccess) return 'doctor-with-access';
  // A refused read of a real patient's data is on the patient's record too (the caller still gets the plain 404).
  const why = 'not an admin and no current consent grant';
  await recordAccess({ actor: reader, patient, what: 'patient.profile', outcome: 'denied', why });
  throw patientNotFound(patient);
}
