/** GET /api/activity: the signed-in account's timeline, or (admins, ?subject=) anyone's. */
import { Router } from 'express';
import type { Registry } from '@contracts/types';
import { ActivityQuerySchema } from '@api';
import { requireSession, sessionOf } from '../../../auth';
import { listActivity } from '../../domain/activity-queries';

export function activityRoutes(options: { registry: Registry }): Router {
  const router = Router();

  router.get('/activity', requireSession, async (req, res) => {
    const query = ActivityQuerySchema.parse(req.query);
    // A timeline is personal: no shared cache may keep it.
    res.set('Cache-Control', 'no-store').json(await listActivity(options.registry, sessionOf(req).address, query));
  });

  return router;
}
