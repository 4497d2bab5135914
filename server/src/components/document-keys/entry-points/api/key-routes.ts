/**
 * The key routes of api/document-keys.ts: published public keys and the recovery key. Paths and bodies
 * that name an account are logged as their pattern only.
 */
import { Router, type RequestHandler } from 'express';
import { AccountParamsSchema, PublishKeyBodySchema, RecoveryClaimBodySchema, RecoveryKeyBodySchema } from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import type { DocumentKeysContext } from '../../domain/document-keys-context';
import { publishKey, readPublishedKey } from '../../domain/published-keys';
import { claimRecovery, readRecoveryKey, registerRecoveryKey } from '../../domain/recovery';

export function keyRoutes(context: DocumentKeysContext, limitWrites: RequestHandler): Router {
  const router = Router();

  router.put('/keys/me', requireSession, limitWrites, async (req, res) => {
    const body = PublishKeyBodySchema.parse(req.body ?? {});
    res.json(await publishKey(context, sessionOf(req).address, body));
  });

  router.put('/keys/me/recovery', requireSession, limitWrites, async (req, res) => {
    const body = RecoveryKeyBodySchema.parse(req.body ?? {});
    res.json(await registerRecoveryKey(context, sessionOf(req).address, body));
  });

  router.get('/keys/me/recovery', requireSession, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await readRecoveryKey(context, sessionOf(req).address));
  });

  router.post('/keys/recovery/:address/claim', logRoutePattern, requireSession, limitWrites, async (req, res) => {
    const { address } = AccountParamsSchema.parse(req.params);
    const { proof } = RecoveryClaimBodySchema.parse(req.body ?? {});
    res.set('Cache-Control', 'no-store').json(await claimRecovery(context, sessionOf(req).address, address, proof));
  });

  router.get('/keys/:address', logRoutePattern, requireSession, async (req, res) => {
    const { address } = AccountParamsSchema.parse(req.params);
    res.json(await readPublishedKey(address));
  });

  return router;
}
