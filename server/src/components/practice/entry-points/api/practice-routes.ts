/**
 * The routes of api/practice.ts (PRACTICE_ROUTES): a doctor's consulting hours and terms, their free
 * slots, and the doctor saving their own hours. All need a session; what a caller may do is read from
 * the chain on each request (domain/practice-access.ts).
 *
 * Mounted after the doctors component, whose `/doctors/:address…` routes match none of these paths
 * (no `…/practice` or `…/slots` there, and `/doctors/:address` is one segment), so `me` is never read
 * as an address; here too the `me` route comes first.
 */
import { Router, type RequestHandler } from 'express';
import { DoctorAddressParamsSchema, PracticeHoursRequestSchema, SlotQuerySchema } from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import type { PracticeContracts } from '../../data-access/practice-chain';
import { readPractice, saveOwnHours } from '../../domain/practice-hours';
import { findFreeSlots } from '../../domain/slot-search';

export interface PracticeRouteOptions extends PracticeContracts {
  /** The API's shared per-account write limit (auth's limitWritesPerAccount). */
  limitWrites: RequestHandler;
}

export function practiceRoutes(options: PracticeRouteOptions): Router {
  const router = Router();

  router.put('/doctors/me/practice', requireSession, options.limitWrites, async (req, res) => {
    const input = PracticeHoursRequestSchema.parse(req.body ?? {});
    res.json(await saveOwnHours(options, sessionOf(req).address, input));
  });

  // Paths that name an account are logged as their pattern only (recorded before the session check).
  router.get('/doctors/:address/practice', logRoutePattern, requireSession, async (req, res) => {
    const { address } = DoctorAddressParamsSchema.parse(req.params);
    res.json(await readPractice(options, sessionOf(req).address, address));
  });

  router.get('/doctors/:address/slots', logRoutePattern, requireSession, async (req, res) => {
    const { address } = DoctorAddressParamsSchema.parse(req.params);
    const query = SlotQuerySchema.parse(req.query);
    // Free slots change with every block: never from a cache.
    res.set('Cache-Control', 'no-store').json(await findFreeSlots(options, sessionOf(req).address, address, query));
  });

  return router;
}
