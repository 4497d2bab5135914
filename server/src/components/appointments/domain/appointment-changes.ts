/**
 * The in-process feed of appointment changes: the chain-events handlers publish each change right after
 * its write to the read model, and every open GET /api/appointments/stream listens. One process, one feed:
 * the indexer and the API run in the same server.
 */
import { EventEmitter } from 'node:events';
import type { AppointmentChange } from '@api';

const CHANGE = 'change';
const feed = new EventEmitter();
// Each open stream adds a listener: there is no fixed number of them to warn about.
feed.setMaxListeners(0);

export function publishAppointmentChange(change: AppointmentChange): void {
  feed.emit(CHANGE, change);
}

/** Calls `listener` with every change from now on; the returned function stops it. */
export function onAppointmentChange(listener: (change: AppointmentChange) => void): () => void {
  feed.on(CHANGE, listener);
  return () => feed.off(CHANGE, listener);
}
