/**
 * The document routes of api/document-keys.ts: storing and serving wrapped document keys, the patient's
 * list of them, sharing and removing a reader. A path names a document (and maybe an account), a query a
 * patient: all are logged as their pattern only.
 */
import { Router, type RequestHandler } from 'express';
import {
  DocumentParamsSchema,
  DocumentRecipientParamsSchema,
  DocumentSharingBodySchema,
  PatientDocumentKeysQuerySchema,
  StoreDocumentKeysBodySchema,
} from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { listPatientDocumentKeys, serveDocumentKey } from '../../domain/document-key-reads';
import { removeReader, setDocumentSharing, storeDocumentKeys } from '../../domain/document-key-writes';
import type { DocumentKeysContext } from '../../domain/document-keys-context';

export function documentRoutes(context: DocumentKeysContext, limitWrites: RequestHandler): Router {
  const router = Router();

  router.get('/documents/keys', logRoutePattern, requireSession, async (req, res) => {
    const { patient } = PatientDocumentKeysQuerySchema.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await listPatientDocumentKeys(sessionOf(req).address, patient));
  });

  router.put('/documents/:cid/keys', logRoutePattern, requireSession, limitWrites, async (req, res) => {
    const { cid } = DocumentParamsSchema.parse(req.params);
    const body = StoreDocumentKeysBodySchema.parse(req.body ?? {});
    await storeDocumentKeys(context, sessionOf(req).address, cid, body);
    res.status(204).end();
  });

  router.get('/documents/:cid/key', logRoutePattern, requireSession, async (req, res) => {
    const { cid } = DocumentParamsSchema.parse(req.params);
    res.set('Cache-Control', 'no-store').json(await serveDocumentKey(context, sessionOf(req).address, cid));
  });

  router.patch('/documents/:cid/sharing', logRoutePattern, requireSession, limitWrites, async (req, res) => {
    const { cid } = DocumentParamsSchema.parse(req.params);
    const { sharing } = DocumentSharingBodySchema.parse(req.body ?? {});
    await setDocumentSharing(context, sessionOf(req).address, cid, sharing);
    res.status(204).end();
  });

  router.delete('/documents/:cid/keys/:recipient', logRoutePattern, requireSession, limitWrites, async (req, res) => {
    const { cid, recipient } = DocumentRecipientParamsSchema.parse(req.params);
    await removeReader(context, sessionOf(req).address, cid, recipient);
    res.status(204).end();
  });

  return router;
}
