/**
 * POST /api/erasure/requests (admins) and GET /api/erasure/status/:address (the patient, admins).
 * The erasure itself is a transaction the patient's (or admin's) wallet sends; the server follows it.
 */
import { Router, type RequestHandler } from 'express';
import { ErasureRequestSchema, ErasureStatusParamsSchema } from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { createErasureRequest } from '../../domain/erasure-requests';
import { readErasureStatus, type ErasureStatusContext } from '../../domain/erasure-status';

export function erasureRoutes(context: ErasureStatusContext, limitWrites: RequestHandler): Router {
  const router = Router();

  router.post('/erasure/requests', requireSession, limitWrites, async (req, res) => {
    const input = ErasureRequestSchema.parse(req.body ?? {});
    res.status(201).json(await createErasureRequest(context.registry, sessionOf(req).address, input));
  });

  // The path names a patient: logged as its pattern only.
  router.get('/erasure/status/:address', logRoutePattern, requireSession, async (req, res) => {
    const { address } = ErasureStatusParamsSchema.parse(req.params);
    res.set('Cache-Control', 'no-store').json(await readErasureStatus(context, sessionOf(req).address, address));
  });

  return router;
}
