/**
 * The routes of api/records.ts (RECORD_ROUTES): a patient's record from the read model, and the
 * signed-in author's uploads pinned but not anchored yet. All need a session; the query names a
 * patient and the paths a document, so they are logged as their pattern only.
 */
import { Router, type RequestHandler } from 'express';
import type { Consent, EmergencyAccess, Registry } from '@contracts/types';
import { PendingRecordBodySchema, PendingRecordParamsSchema, RecordsQuerySchema } from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { discardPendingRecord, listPendingRecords, notePendingRecord } from '../../domain/pending-records';
import { listRecords } from '../../domain/record-queries';

export interface RecordRouteOptions {
  registry: Registry;
  consent: Consent;
  emergency: EmergencyAccess;
  /** The API's shared per-account write limit (auth's limitWritesPerAccount). */
  limitWrites: RequestHandler;
}

export function recordRoutes(options: RecordRouteOptions): Router {
  const router = Router();
  const chain = { registry: options.registry, consent: options.consent, emergency: options.emergency };

  router.get('/records', logRoutePattern, requireSession, async (req, res) => {
    const query = RecordsQuerySchema.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await listRecords(chain, sessionOf(req).address, query));
  });

  router.post('/records/pending', logRoutePattern, requireSession, options.limitWrites, async (req, res) => {
    const body = PendingRecordBodySchema.parse(req.body ?? {});
    res
      .status(201)
      .set('Cache-Control', 'no-store')
      .json(await notePendingRecord(chain, sessionOf(req).address, body));
  });

  router.get('/records/pending', requireSession, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await listPendingRecords(sessionOf(req).address));
  });

  router.delete('/records/pending/:cid', logRoutePattern, requireSession, options.limitWrites, async (req, res) => {
    const { cid } = PendingRecordParamsSchema.parse(req.params);
    await discardPendingRecord(sessionOf(req).address, cid);
    res.status(204).end();
  });

  return router;
}
