/**
 * The routes of api/emergency.ts (EMERGENCY_ROUTES). All need a session; who may do what is decided on
 * the chain in domain/. Paths and queries that name an account or an access are logged as their pattern
 * only. The justification's text never reaches a log (bodies are not logged).
 */
import { Router, type RequestHandler } from 'express';
import {
  ClinicKeyWrapsBodySchema,
  EmergencyAccessesQuerySchema,
  EmergencyAccessParamsSchema,
  EmergencyDocumentKeysBodySchema,
  EmergencyDocumentKeysQuerySchema,
  EmergencyPatientParamsSchema,
  EmergencyReviewBodySchema,
  JustificationBodySchema,
  RewrappedDocumentKeysBodySchema,
} from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { clinicKeyHolders, ownClinicKeyWrap, storeClinicKeyWraps } from '../../domain/clinic-key';
import type { EmergencyChain } from '../../domain/emergency-context';
import { listOwnAccesses, listPatientAccesses, reviewAccess, reviewQueue } from '../../domain/emergency-accesses';
import {
  clinicWrappedKeysFor,
  patientEmergencyKeyStatus,
  storePatientEmergencyKeys,
  storeRewrappedKeys,
} from '../../domain/emergency-document-keys';
import { readEmergencyPatient } from '../../domain/emergency-patient';
import { createJustification } from '../../domain/justifications';

export function emergencyRoutes(chain: EmergencyChain, limitWrites: RequestHandler): Router {
  const router = Router();
  const caller = (req: Parameters<typeof sessionOf>[0]) => sessionOf(req).address;
  const write = [logRoutePattern, requireSession, limitWrites] as const;
  const read = [logRoutePattern, requireSession] as const;

  router.post('/emergency/justifications', ...write, async (req, res) => {
    const body = JustificationBodySchema.parse(req.body ?? {});
    res
      .status(201)
      .set('Cache-Control', 'no-store')
      .json(await createJustification(chain, caller(req), body));
  });

  router.get('/emergency/patients/:address', ...read, async (req, res) => {
    const { address } = EmergencyPatientParamsSchema.parse(req.params);
    res.set('Cache-Control', 'no-store').json(await readEmergencyPatient(chain, caller(req), address));
  });

  router.get('/emergency/accesses', ...read, async (req, res) => {
    const { patient } = EmergencyAccessesQuerySchema.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await listPatientAccesses(chain, caller(req), patient));
  });

  router.get('/emergency/accesses/mine', ...read, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await listOwnAccesses(chain, caller(req)));
  });

  router.get('/emergency/reviews', ...read, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await reviewQueue(chain, caller(req)));
  });

  router.post('/emergency/reviews/:id', ...write, async (req, res) => {
    const { id } = EmergencyAccessParamsSchema.parse(req.params);
    const body = EmergencyReviewBodySchema.parse(req.body ?? {});
    res.set('Cache-Control', 'no-store').json(await reviewAccess(chain, caller(req), id, body));
  });

  router.put('/emergency/clinic-key/wraps', ...write, async (req, res) => {
    const body = ClinicKeyWrapsBodySchema.parse(req.body ?? {});
    res.set('Cache-Control', 'no-store').json(await storeClinicKeyWraps(chain, caller(req), body));
  });

  router.get('/emergency/clinic-key/wraps', ...read, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await clinicKeyHolders(chain, caller(req)));
  });

  router.get('/emergency/clinic-key/wraps/me', ...read, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await ownClinicKeyWrap(chain, caller(req)));
  });

  router.put('/emergency/documents/keys', ...write, async (req, res) => {
    const body = EmergencyDocumentKeysBodySchema.parse(req.body ?? {});
    await storePatientEmergencyKeys(chain, caller(req), body);
    res.status(204).end();
  });

  router.get('/emergency/documents/keys', ...read, async (req, res) => {
    const { patient } = EmergencyDocumentKeysQuerySchema.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await patientEmergencyKeyStatus(chain, caller(req), patient));
  });

  router.get('/emergency/accesses/:id/document-keys', ...read, async (req, res) => {
    const { id } = EmergencyAccessParamsSchema.parse(req.params);
    res.set('Cache-Control', 'no-store').json(await clinicWrappedKeysFor(chain, caller(req), id));
  });

  router.post('/emergency/accesses/:id/document-keys', ...write, async (req, res) => {
    const { id } = EmergencyAccessParamsSchema.parse(req.params);
    const body = RewrappedDocumentKeysBodySchema.parse(req.body ?? {});
    await storeRewrappedKeys(chain, caller(req), id, body);
    res.status(204).end();
  });

  return router;
}
