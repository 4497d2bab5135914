/**
 * GET /api/doctors, GET /api/doctors/:address, PUT /api/doctors/me/profile, PUT /api/doctors/me/licence,
 * GET /api/doctors/:address/licence (admins). All need a session; what a reader sees depends on whether
 * they are an admin (domain/doctor-access.ts).
 */
import { Router, type RequestHandler } from 'express';
import type { Registry } from '@contracts/types';
import {
  DoctorAddressParamsSchema,
  DoctorListQuerySchema,
  DoctorProfileRequestSchema,
  LicenceRequestSchema,
} from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { doctorReader } from '../../domain/doctor-access';
import { getDoctor, listDoctors, updateOwnProfile } from '../../domain/doctor-queries';
import { checkLicence, storeOwnLicence } from '../../domain/doctor-licences';

export interface DoctorRouteOptions {
  registry: Registry;
  /** The API's shared per-account write limit (auth's limitWritesPerAccount). */
  limitWrites: RequestHandler;
}

export function doctorRoutes(options: DoctorRouteOptions): Router {
  const router = Router();
  const readerOf = (address: string) => doctorReader(options.registry, address);

  router.get('/doctors', requireSession, async (req, res) => {
    const query = DoctorListQuerySchema.parse(req.query);
    res.json(await listDoctors(await readerOf(sessionOf(req).address), query));
  });

  router.put('/doctors/me/profile', requireSession, options.limitWrites, async (req, res) => {
    res.json(
      await updateOwnProfile(
        options.registry,
        sessionOf(req).address,
        DoctorProfileRequestSchema.parse(req.body ?? {}),
      ),
    );
  });

  router.put('/doctors/me/licence', requireSession, options.limitWrites, async (req, res) => {
    await storeOwnLicence(options.registry, sessionOf(req).address, LicenceRequestSchema.parse(req.body ?? {}));
    res.status(204).end();
  });

  // Paths that name an account are logged as their pattern only (recorded before the session check).
  router.get('/doctors/:address/licence', logRoutePattern, requireSession, async (req, res) => {
    const check = await checkLicence(
      options.registry,
      sessionOf(req).address,
      DoctorAddressParamsSchema.parse(req.params).address,
    );
    res.set('Cache-Control', 'no-store').json(check);
  });

  router.get('/doctors/:address', logRoutePattern, requireSession, async (req, res) => {
    const { address } = DoctorAddressParamsSchema.parse(req.params);
    res.json(await getDoctor(await readerOf(sessionOf(req).address), address));
  });

  return router;
}
