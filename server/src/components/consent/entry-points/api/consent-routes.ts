/**
 * GET /api/consent/:patient/:doctor: the doctor's current access to the patient's records. Session required.
 */
import { Router } from 'express';
import type { Consent, Registry } from '@contracts/types';
import { ConsentPairParamsSchema } from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { assertMayReadConsent } from '../../domain/consent-policy';
import { readConsent } from '../../domain/consent-view';

export function consentRoutes(options: { registry: Registry; consent: Consent }): Router {
  const router = Router();
  // The path names a patient and their doctor: logged as its pattern only.
  router.get('/consent/:patient/:doctor', logRoutePattern, requireSession, async (req, res) => {
    const { patient, doctor } = ConsentPairParamsSchema.parse(req.params);
    await assertMayReadConsent(options.registry, sessionOf(req).address, patient, doctor);
    res.set('Cache-Control', 'no-store').json(await readConsent(options, patient, doctor));
  });
  return router;
}
