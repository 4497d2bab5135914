/**
 * The route of api/fhir.ts (FHIR_ROUTES): a patient's record as a FHIR R4 Bundle. The path names a patient,
 * so it is logged as its pattern only; the answer is FHIR JSON and never cached.
 */
import { Router } from 'express';
import { FHIR_CONTENT_TYPE, FhirPatientParamsSchema } from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { patientEverything, type FhirChain } from '../../domain/patient-everything';

export function fhirRoutes(chain: FhirChain): Router {
  const router = Router();

  // `$` is a literal character in Express 5 paths (path-to-regexp 8 reserves only `:*?+!(){}[]`).
  router.get('/fhir/Patient/:address/$everything', logRoutePattern, requireSession, async (req, res) => {
    const { address } = FhirPatientParamsSchema.parse(req.params);
    const bundle = await patientEverything(chain, sessionOf(req).address, address);
    res.status(200).type(FHIR_CONTENT_TYPE).set('Cache-Control', 'no-store').send(JSON.stringify(bundle));
  });

  return router;
}
