/**
 * GET /api/doctors/:address/slots: a verified doctor's free slots between `from` and `to`. Everything
 * time-related is the chain's: the range defaults to start at the latest block's time, slots starting at
 * or before it are never offered (tests and the dev chain move that time; the server's clock is not
 * what the contract will check), and the held times come from Appointments.activeAppointmentsBetween.
 */
import type { FreeSlots, SlotQuerySchema } from '@api';
import type { z } from 'zod';
import { AppError } from '../../../libraries/errors';
import {
  callerRoles,
  doctorStatusOf,
  doctorTerms,
  heldTimes,
  latestMoment,
  type PracticeContracts,
} from '../data-access/practice-chain';
import { findPracticeHours } from '../data-access/practice-hours-store';
import { freeSlots } from './free-slots';
import { assertBookableDoctor, assertMayReadSlots } from './practice-access';

const DAY = 24 * 60 * 60;
/** Appointments.MAX_QUERY_RANGE: activeAppointmentsBetween answers at most this span in one call. */
export const MAX_SLOT_RANGE = 31 * DAY;
export const DEFAULT_SLOT_RANGE = 14 * DAY;
export const MAX_SLOTS = 500;

export type ValidSlotQuery = z.infer<typeof SlotQuerySchema>;

const rangeError = (message: string) => new AppError(400, 'SLOTS_RANGE', message);
const isoOf = (seconds: number) => new Date(seconds * 1000).toISOString();

/** The asked range in seconds, its defaults filled in from the chain's time. */
export function slotRange(query: ValidSlotQuery, chainTime: number): { from: number; to: number } {
  const from = query.from ? Math.ceil(query.from.getTime() / 1000) : chainTime;
  const to = query.to ? Math.floor(query.to.getTime() / 1000) : from + DEFAULT_SLOT_RANGE;
  if (to <= from) throw rangeError(`to: must be after from (${isoOf(from)})`);
  if (to - from > MAX_SLOT_RANGE) throw rangeError('to: must be at most 31 days after from');
  return { from, to };
}

export async function findFreeSlots(
  contracts: PracticeContracts,
  caller: string,
  doctor: string,
  query: ValidSlotQuery,
): Promise<FreeSlots> {
  const at = await latestMoment(contracts);
  assertMayReadSlots(caller, await callerRoles(contracts, caller), doctor);
  assertBookableDoctor(doctor, await doctorStatusOf(contracts, doctor, at));
  const range = slotRange(query, at.time);
  const [terms, hours] = await Promise.all([doctorTerms(contracts, doctor, at), findPracticeHours(doctor)]);
  const answer = {
    doctor,
    feeWei: terms?.feeWei ?? null,
    slotLength: terms?.slotLength ?? null,
    timeZone: hours?.timeZone ?? null,
    chainTime: isoOf(at.time),
  };
  // Nothing before the chain's time can be booked: the held times are read from there on only.
  const from = Math.max(range.from, at.time);
  if (!terms || !hours || from >= range.to) return { ...answer, slots: [] };
  const slots = freeSlots({
    timeZone: hours.timeZone,
    sessions: hours.sessions,
    slotLength: terms.slotLength,
    from,
    to: range.to,
    chainTime: at.time,
    held: await heldTimes(contracts, doctor, { from, to: range.to }, at),
    limit: MAX_SLOTS,
  });
  return { ...answer, slots: slots.map((slot) => ({ start: isoOf(slot.start), end: isoOf(slot.end) })) };
}
