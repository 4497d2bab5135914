/**
 * GET /api/appointments/stream: server-sent events, one `appointment` message per change the indexer
 * applies to an appointment the caller is a party to (admins: every one), so pages refetch at once instead
 * of polling. A comment line every HEARTBEAT_MS keeps proxies from closing an idle connection.
 *
 * Nothing in the app's middleware holds the answer back: helmet only sets headers, there is no compression
 * middleware, and the rate limits apply to writes and sign-in only.
 */
import type { Request, Response } from 'express';
import type { Registry } from '@contracts/types';
import type { AppointmentChange } from '@api';
import { sessionOf } from '../../../auth';
import { onAppointmentChange } from '../../domain/appointment-changes';
import { isParty } from '../../domain/appointment-parties';

const HEARTBEAT_MS = 15_000;

export function appointmentStream(registry: Registry) {
  return async (req: Request, res: Response): Promise<void> => {
    const reader = sessionOf(req).address;
    const isAdmin = await registry.isAdmin(reader);
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // nginx and similar proxies buffer responses unless told not to.
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write(': connected\n\n');

    const send = (change: AppointmentChange) => {
      if (isAdmin || isParty(change, reader)) res.write(`event: appointment\ndata: ${JSON.stringify(change)}\n\n`);
    };
    const stopListening = onAppointmentChange(send);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const stop = () => {
      clearInterval(heartbeat);
      stopListening();
    };
    res.on('close', stop);
    // The caller may have gone while the Registry was asked.
    if (res.closed) stop();
  };
}
