/**
 * GET /api/consent/:patient/:doctor: the doctor's current access to the patient's records.
 * GET /api/consent/:patient: the patient's doctors (every pair with a Consent event), each with its live access.
 * Session required.
 */
import { Router } from 'express';
import { getAddress, isAddress } from 'ethers';
import { z } from 'zod';
import type { Consent, Registry } from '@contracts/types';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { assertMayReadConsent } from '../../domain/consent-policy';
import { readConsent } from '../../domain/consent-view';
import { listPatientConsents } from '../../domain/patient-consents';

const address = z
  .string()
  .refine((value) => isAddress(value), 'must be an Ethereum address')
  .transform((value) => getAddress(value.toLowerCase()));
const pairParams = z.object({ patient: address, doctor: address });
const patientParams = z.object({ patient: address });
const pageQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function consentRoutes(options: { registry: Registry; consent: Consent }): Router {
  const router = Router();
  // The path names a patient and their doctor: logged as its pattern only.
  router.get('/consent/:patient/:doctor', logRoutePattern, requireSession, async (req, res) => {
    const { patient, doctor } = pairParams.parse(req.params);
    await assertMayReadConsent(options.registry, sessionOf(req).address, patient, doctor);
    res.set('Cache-Control', 'no-store').json(await readConsent(options, patient, doctor));
  });
  // The path names a patient: logged as its pattern only.
  router.get('/consent/:patient', logRoutePattern, requireSession, async (req, res) => {
    const { patient } = patientParams.parse(req.params);
    const page = await listPatientConsents(options, sessionOf(req).address, { patient, ...pageQuery.parse(req.query) });
    res.set('Cache-Control', 'no-store').json(page);
  });
  return router;
}
