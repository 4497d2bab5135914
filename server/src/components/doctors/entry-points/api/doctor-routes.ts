/**
 * GET /api/doctors, GET /api/doctors/:address, PUT /api/doctors/me/profile, PUT /api/doctors/me/licence,
 * GET /api/doctors/:address/licence (admins). All need a session; what a reader sees depends on whether
 * they are an admin (domain/doctor-access.ts).
 */
import { Router, type RequestHandler } from 'express';
import { getAddress, isAddress } from 'ethers';
import { z } from 'zod';
import type { Registry } from '@contracts/types';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { doctorReader } from '../../domain/doctor-access';
import { getDoctor, listDoctors, updateOwnProfile } from '../../domain/doctor-queries';
import { checkLicence, storeOwnLicence } from '../../domain/doctor-licences';

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

const licenceBody = z.strictObject({
  licenceNumber: z.string().trim().min(1).max(64),
  salt: z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be 32 bytes as 0x-prefixed hex'),
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

  router.put('/doctors/me/licence', requireSession, options.limitWrites, async (req, res) => {
    await storeOwnLicence(options.registry, sessionOf(req).address, licenceBody.parse(req.body ?? {}));
    res.status(204).end();
  });

  // Paths that name an account are logged as their pattern only (recorded before the session check).
  router.get('/doctors/:address/licence', logRoutePattern, requireSession, async (req, res) => {
    const check = await checkLicence(options.registry, sessionOf(req).address, addressParam.parse(req.params).address);
    res.set('Cache-Control', 'no-store').json(check);
  });

  router.get('/doctors/:address', logRoutePattern, requireSession, async (req, res) => {
    const { address } = addressParam.parse(req.params);
    res.json(await getDoctor(await readerOf(sessionOf(req).address), address));
  });

  return router;
}
