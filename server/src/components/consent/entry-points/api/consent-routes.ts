/**
 * GET /api/consent/:patient/:doctor: the doctor's current access to the patient's records.
 * GET /api/consent/:patient: the patient's doctors (every pair with a Consent event), each with its live access.
 * Session required.
 */
import { Router } from 'express';
import type { Consent, Registry } from '@contracts/types';
import { ConsentPageQuerySchema, ConsentPairParamsSchema, ConsentPatientParamsSchema } from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { assertMayReadConsent } from '../../domain/consent-policy';
import { readConsent } from '../../domain/consent-view';
import { listPatientConsents } from '../../domain/patient-consents';

export function consentRoutes(options: { registry: Registry; consent: Consent }): Router {
  const router = Router();
  // The path names a patient and their doctor: logged as its pattern only.
  router.get('/consent/:patient/:doctor', logRoutePattern, requireSession, async (req, res) => {
    const { patient, doctor } = ConsentPairParamsSchema.parse(req.params);
    await assertMayReadConsent(options.registry, sessionOf(req).address, patient, doctor);
    res.set('Cache-Control', 'no-store').json(await readConsent(options, patient, doctor));
  });
  // The path names a patient: logged as its pattern only.
  router.get('/consent/:patient', logRoutePattern, requireSession, async (req, res) => {
    const { patient } = ConsentPatientParamsSchema.parse(req.params);
    const page = await listPatientConsents(options, sessionOf(req).address, {
      patient,
      ...ConsentPageQuerySchema.parse(req.query),
    });
    res.set('Cache-Control', 'no-store').json(page);
  });
  return router;
}
