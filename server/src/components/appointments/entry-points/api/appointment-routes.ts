/**
 * The routes of api/appointments.ts (APPOINTMENT_ROUTES): the list and one appointment from the read model,
 * the admins' charts, the live stream of changes, and the doctor's rejection reason. All need a session; paths and
 * queries that name an appointment or an account are logged as their pattern only.
 */
import { Router, type RequestHandler } from 'express';
import type { Appointments, Registry } from '@contracts/types';
import { AppointmentIdParamsSchema, AppointmentListQuerySchema, AppointmentNoteRequestSchema } from '@api';
import { logRoutePattern } from '../../../../libraries/http';
import { requireSession, sessionOf } from '../../../auth';
import { saveRejectionReason } from '../../domain/appointment-notes';
import { getAppointment, listAppointments } from '../../domain/appointment-queries';
import { appointmentStats } from '../../domain/appointment-stats';
import { appointmentStream } from './appointment-stream';

export interface AppointmentRouteOptions {
  appointments: Appointments;
  registry: Registry;
  /** The API's shared per-account write limit (auth's limitWritesPerAccount). */
  limitWrites: RequestHandler;
}

export function appointmentRoutes(options: AppointmentRouteOptions): Router {
  const router = Router();
  const contracts = { appointments: options.appointments, registry: options.registry };

  router.get('/appointments', logRoutePattern, requireSession, async (req, res) => {
    const query = AppointmentListQuerySchema.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await listAppointments(contracts, sessionOf(req).address, query));
  });

  // Before /appointments/:id, which would take these names for ids.
  router.get('/appointments/stats', requireSession, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await appointmentStats(contracts, sessionOf(req).address));
  });

  router.get('/appointments/stream', requireSession, appointmentStream(options.registry));

  router.get('/appointments/:id', logRoutePattern, requireSession, async (req, res) => {
    const { id } = AppointmentIdParamsSchema.parse(req.params);
    res.set('Cache-Control', 'no-store').json(await getAppointment(contracts, sessionOf(req).address, id));
  });

  router.put(
    '/appointments/:id/rejection-reason',
    logRoutePattern,
    requireSession,
    options.limitWrites,
    async (req, res) => {
      const { id } = AppointmentIdParamsSchema.parse(req.params);
      const { text } = AppointmentNoteRequestSchema.parse(req.body ?? {});
      await saveRejectionReason(options.appointments, sessionOf(req).address, id, text);
      res.status(204).end();
    },
  );

  return router;
}
