/** GET /api/admins (admins only). Adding and removing admins are the admin's own wallet transactions. */
import { Router } from 'express';
import type { Registry } from '@contracts/types';
import { requireSession, sessionOf } from '../../../auth';
import { listAdmins } from '../../domain/admin-list';

export function adminRoutes(options: { registry: Registry }): Router {
  const router = Router();
  router.get('/admins', requireSession, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await listAdmins(options.registry, sessionOf(req).address));
  });
  return router;
}
