/**
 * GET /api/patients (admins), GET and PUT /api/patients/me, GET /api/patients/:address. All need a
 * session; who sees what is decided by the chain (domain/patient-reader.ts) on each request.
 */
import { Router, type RequestHandler } from 'express';
import { PatientAddressParamsSchema, PatientListQuerySchema, PatientProfileRequestSchema } from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { listPatients, readPatient, saveOwnProfile } from '../../domain/patient-profiles';
import type { PatientChain } from '../../domain/patient-reader';

export interface PatientRouteOptions extends PatientChain {
  /** The API's shared per-account write limit (auth's limitWritesPerAccount). */
  limitWrites: RequestHandler;
}

export function patientRoutes(options: PatientRouteOptions): Router {
  const router = Router();

  router.get('/patients', requireSession, async (req, res) => {
    const query = PatientListQuerySchema.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await listPatients(options, sessionOf(req).address, query));
  });

  router.get('/patients/me', requireSession, async (req, res) => {
    const { address } = sessionOf(req);
    res.set('Cache-Control', 'no-store').json(await readPatient(options, address, address));
  });

  router.put('/patients/me', requireSession, options.limitWrites, async (req, res) => {
    const profile = PatientProfileRequestSchema.parse(req.body ?? {});
    res.set('Cache-Control', 'no-store').json(await saveOwnProfile(options, sessionOf(req).address, profile));
  });

  // The path names a patient: logged as its pattern only (recorded before the session check).
  router.get('/patients/:address', logRoutePattern, requireSession, async (req, res) => {
    const { address } = PatientAddressParamsSchema.parse(req.params);
    res.set('Cache-Control', 'no-store').json(await readPatient(options, sessionOf(req).address, address));
  });

  return router;
}
