/**
 * A doctor stores the licence number and salt behind their on-chain licence hash; an admin checks
 * the stored number against the chain before verifying. Both read the Registry live.
 */
import type { Registry } from '@contracts/types';
import type { LicenceCheck, LicenceRequest } from '@api';
import { AppError, forbidden, notFound } from '../../../libraries/errors';
import { doctorStatusFromChain } from '../../../libraries/chain';
import { findLicence, saveLicence } from '../data-access/licence-store';
import { licenceCommitment } from './licence-commitment';
import { assertAdminMayWriteFor } from './doctor-profiles';

/**
 * Stores the caller's licence and salt. Before registration (the browser stores first, then commits on
 * chain) any pair is accepted and a retry replaces it; once registered, only the pair that opens the
 * on-chain hash is, so a registered doctor's record can never drift from the chain.
 */
export async function storeOwnLicence(registry: Registry, address: string, input: LicenceRequest): Promise<void> {
  const [onChain, isPatient] = await Promise.all([registry.getDoctor(address), registry.isPatient(address)]);
  // A patient can never register as a doctor (the chain refuses it): nothing to commit to.
  if (isPatient) throw new AppError(409, 'ACCOUNT_IS_PATIENT', `${address} is registered as a patient`);
  const registered = doctorStatusFromChain(onChain.status) !== 'none';
  if (registered && licenceCommitment(input.licenceNumber, input.salt) !== onChain.licenceHash) {
    throw new AppError(
      409,
      'LICENCE_MISMATCH',
      'This licence number and salt do not match the licence hash this account registered on chain',
    );
  }
  await saveLicence({ address, ...input, updatedAt: new Date() });
}

/** Add Doctor: an admin stores the licence for `doctor` before sending registerDoctorFor (same rules as the doctor's own). */
export async function storeLicenceAsAdmin(
  registry: Registry,
  admin: string,
  doctor: string,
  input: LicenceRequest,
): Promise<void> {
  await assertAdminMayWriteFor(registry, admin, doctor);
  await storeOwnLicence(registry, doctor, input);
}

/** An admin's check of one doctor's stored licence against the chain. */
export async function checkLicence(registry: Registry, caller: string, doctor: string): Promise<LicenceCheck> {
  if (!(await registry.isAdmin(caller))) throw forbidden('Only an admin can read licence numbers', 'ADMIN_ONLY');
  const stored = await findLicence(doctor);
  if (!stored) throw notFound(`No licence number is stored for ${doctor}`, 'LICENCE_NOT_FOUND');
  const onChain = await registry.getDoctor(doctor);
  return {
    address: doctor,
    licenceNumber: stored.licenceNumber,
    salt: stored.salt,
    licenceHash: onChain.licenceHash,
    matchesChain: licenceCommitment(stored.licenceNumber, stored.salt) === onChain.licenceHash,
  };
}
