/**
 * GET /api/doctors, GET /api/doctors/:address, PUT /api/doctors/me/profile. All need a session;
 * what a reader sees depends on whether they are an admin (domain/doctor-access.ts).
 */
import { Router, type RequestHandler } from 'express';
import { getAddress, isAddress } from 'ethers';
import { z } from 'zod';
import type { Registry } from '@contracts/types';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { doctorReader } from '../../domain/doctor-access';
import { getDoctor, listDoctors, updateOwnProfile } from '../../domain/doctor-queries';

const listQuery = z.strictObject({
  status: z.enum(['pending', 'verified', 'revoked']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const addressParam = z.object({
  address: z.string().refine((a) => isAddress(a), 'must be an Ethereum address').transform((a) => getAddress(a.toLowerCase())),
});

const profileBody = z.strictObject({
  displayName: z.string().trim().min(1).max(80),
  speciality: z.string().trim().min(1).max(80).optional(),
});

export interface DoctorRouteOptions {
  registry: Registry;
  /** The API's shared per-account write limit (auth's limitWritesPerAccount). */
  limitWrites: RequestHandler;
}

export function doctorRoutes(options: DoctorRouteOptions): Router {
  const router = Router();
  const readerOf = (address: string) => doctorReader(options.registry, address);

  router.get('/doctors', requireSession, async (req, res) => {
    const query = listQuery.parse(req.query);
    res.json(await listDoctors(await readerOf(sessionOf(req).address), query));
  });

  router.put('/doctors/me/profile', requireSession, options.limitWrites, async (req, res) => {
    res.json(await updateOwnProfile(options.registry, sessionOf(req).address, profileBody.parse(req.body ?? {})));
  });

  // The path names an account: logged as its pattern only (the pattern is recorded before the session check).
  router.get('/doctors/:address', logRoutePattern, requireSession, async (req, res) => {
    const { address } = addressParam.parse(req.params);
    res.json(await getDoctor(await readerOf(sessionOf(req).address), address));
  });

  return router;
}
