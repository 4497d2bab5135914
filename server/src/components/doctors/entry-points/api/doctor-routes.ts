/**
 * The routes of api/doctors.ts (DOCTOR_ROUTES): the directory search, one doctor, the doctor's own
 * profile and licence, and the admins' Add / Edit Doctor and licence check. All need a session; what a
 * reader sees depends on their roles on chain (domain/doctor-access.ts).
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
import { getDoctor, listDoctors } from '../../domain/doctor-queries';
import { saveProfileAsAdmin, updateOwnProfile, type ProfileEdit } from '../../domain/doctor-profiles';
import { checkLicence, storeLicenceAsAdmin, storeOwnLicence } from '../../domain/doctor-licences';

export interface DoctorRouteOptions {
  registry: Registry;
  /** The API's shared per-account write limit (auth's limitWritesPerAccount). */
  limitWrites: RequestHandler;
  /** Told of every admin edit of a doctor's profile (the Activity Tracker records it for the doctor). */
  onAdminEdit?: (edit: ProfileEdit) => Promise<void>;
}

export function doctorRoutes(options: DoctorRouteOptions): Router {
  const router = Router();
  const readerOf = (address: string) => doctorReader(options.registry, address);

  router.get('/doctors', requireSession, async (req, res) => {
    const query = DoctorListQuerySchema.parse(req.query);
    res.json(await listDoctors(await readerOf(sessionOf(req).address), query));
  });

  router.put('/doctors/me/profile', requireSession, options.limitWrites, async (req, res) => {
    const input = DoctorProfileRequestSchema.parse(req.body ?? {});
    res.json(await updateOwnProfile(options.registry, sessionOf(req).address, input));
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

  router.put('/doctors/:address/licence', logRoutePattern, requireSession, options.limitWrites, async (req, res) => {
    const { address } = DoctorAddressParamsSchema.parse(req.params);
    const input = LicenceRequestSchema.parse(req.body ?? {});
    await storeLicenceAsAdmin(options.registry, sessionOf(req).address, address, input);
    res.status(204).end();
  });

  router.put('/doctors/:address/profile', logRoutePattern, requireSession, options.limitWrites, async (req, res) => {
    const { address } = DoctorAddressParamsSchema.parse(req.params);
    const input = DoctorProfileRequestSchema.parse(req.body ?? {});
    const { saved, edit } = await saveProfileAsAdmin(options.registry, sessionOf(req).address, address, input);
    await options.onAdminEdit?.(edit);
    res.json(saved);
  });

  router.get('/doctors/:address', logRoutePattern, requireSession, async (req, res) => {
    const { address } = DoctorAddressParamsSchema.parse(req.params);
    res.json(await getDoctor(await readerOf(sessionOf(req).address), address));
  });

  return router;
}
