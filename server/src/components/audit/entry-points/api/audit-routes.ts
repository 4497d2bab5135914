/** The routes of api/audit.ts (AUDIT_ROUTES): a patient's own access log, the admins' search and chain check. */
import { Router } from 'express';
import type { Anchoring, Registry } from '@contracts/types';
import { AuditMeQuerySchema, AuditQuerySchema } from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { ownAudit, searchAudit, verifyAudit } from '../../domain/audit-queries';

export function auditRoutes(options: { registry: Registry; anchoring: Anchoring; anchoringOn: boolean }): Router {
  const router = Router();

  router.get('/audit/me', requireSession, async (req, res) => {
    const query = AuditMeQuerySchema.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await ownAudit(options.registry, sessionOf(req).address, query));
  });

  router.get('/audit/verify', requireSession, async (req, res) => {
    const verification = await verifyAudit(options, sessionOf(req).address, options.anchoringOn);
    res.set('Cache-Control', 'no-store').json(verification);
  });

  // The query may name a patient: logged as the route's pattern only.
  router.get('/audit', logRoutePattern, requireSession, async (req, res) => {
    const query = AuditQuerySchema.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await searchAudit(options.registry, sessionOf(req).address, query));
  });

  return router;
}
