/**
 * An admin acting on a verified erasure request: the request is stored (journaled) and answered with the
 * commitment the admin's wallet passes to Erasure.eraseFor. The commitment is keccak256(salt ‖ reference)
 * with a fresh random salt, so the chain holds no text and the reference cannot be guessed from it.
 */
import { randomBytes } from 'node:crypto';
import { hexlify, solidityPackedKeccak256 } from 'ethers';
import type { Registry } from '@contracts/types';
import type { ErasureRequestCreated } from '@api';
import { AppError, forbidden } from '../../../libraries/errors';
import { saveErasureRequest } from '../data-access/request-store';

export async function createErasureRequest(
  registry: Registry,
  admin: string,
  input: { patient: string; reference: string; verification: string },
): Promise<ErasureRequestCreated> {
  if (!(await registry.isAdmin(admin))) throw forbidden('Only admins may record erasure requests', 'ADMIN_ONLY');
  if (!(await registry.isPatient(input.patient))) {
    throw new AppError(404, 'PATIENT_NOT_FOUND', `${input.patient} is not a registered patient`);
  }
  const salt = hexlify(randomBytes(32));
  const commitment = solidityPackedKeccak256(['bytes32', 'string'], [salt, input.reference]);
  const createdAt = new Date();
  await saveErasureRequest({ ...input, admin, salt, commitment, createdAt });
  return { patient: input.patient, commitment, createdAt: createdAt.toISOString() };
}
