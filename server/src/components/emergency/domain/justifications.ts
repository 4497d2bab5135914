/**
 * POST /api/emergency/justifications: the first step of break-glass. A verified doctor (asked on chain)
 * states why; the server stores the text with a fresh random salt and answers the commitment the doctor's
 * wallet passes to EmergencyAccess.breakGlass. The salt keeps a short justification from being guessed
 * from its on-chain hash; the text stays off chain and out of every log.
 */
import { hexlify, randomBytes, solidityPackedKeccak256 } from 'ethers';
import type { JustificationCreated } from '@api';
import { forbidden, notFound } from '../../../libraries/errors';
import { saveJustification } from '../data-access/justification-store';
import { accountOf, type EmergencyChain } from './emergency-context';

export const justificationCommitment = (salt: string, justification: string): string =>
  solidityPackedKeccak256(['bytes32', 'string'], [salt, justification]);

export async function createJustification(
  chain: EmergencyChain,
  caller: string,
  body: { patient: string; justification: string },
): Promise<JustificationCreated> {
  const doctor = accountOf(caller);
  const [verified, isPatient] = await Promise.all([
    chain.registry.isVerifiedDoctor(doctor),
    chain.registry.isPatient(body.patient),
  ]);
  if (!verified) throw forbidden('Only a verified doctor may use emergency access', 'EMERGENCY_NOT_VERIFIED_DOCTOR');
  if (!isPatient) throw notFound(`No patient registered with address ${body.patient}`, 'PATIENT_NOT_FOUND');
  const salt = hexlify(randomBytes(32));
  const commitment = justificationCommitment(salt, body.justification);
  await saveJustification({
    commitment,
    doctor,
    patient: body.patient,
    justification: body.justification,
    salt,
    createdAt: new Date(),
  });
  return { patient: body.patient, doctor, salt, commitment };
}
