/**
 * Free slots, computed without I/O: a doctor's weekly consulting hours, read in their time zone, cut into
 * slots of the on-chain slot length, minus the times held by requested and accepted appointments, never
 * starting at or before the chain's time.
 *
 * Each session is turned into two instants (its start and end on that calendar day in the doctor's zone,
 * so 09:00 in Berlin is 08:00 UTC in winter and 07:00 UTC in summer) and the real time between them is cut
 * from the start. On the day clocks change, a session spanning the change is as long as the clock says
 * (an hour shorter or longer); a start inside the skipped hour moves forward (Luxon's rule), and a start
 * in the repeated hour is read once.
 */
import { DateTime } from 'luxon';

/** One weekly session, in the doctor's zone: ISO weekday (1 = Monday … 7 = Sunday), HH:MM to HH:MM. */
export interface WeeklySession {
  weekday: number;
  start: string;
  end: string;
}

/** A stretch of real time, in seconds since the epoch: [start, end). */
export interface TimeSpan {
  start: number;
  end: number;
}

export interface FreeSlotRequest {
  timeZone: string;
  sessions: readonly WeeklySession[];
  /** Seconds (the doctor's on-chain slot length). */
  slotLength: number;
  /** Slots start at or after `from` and end by `to` (seconds). */
  from: number;
  to: number;
  /** The latest block's time (seconds): only slots starting after it can still be booked. */
  chainTime: number;
  /** Times held by requested and accepted appointments: a slot overlapping one is not free. */
  held: readonly TimeSpan[];
  /** At most this many slots, the earliest. */
  limit: number;
}

const clockOf = (hhmm: string) => ({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)) });

/** The instant (seconds) of `hhmm` on the calendar day `day` in `day`'s zone. */
const instantOn = (day: DateTime, hhmm: string): number =>
  day.set({ ...clockOf(hhmm), second: 0, millisecond: 0 }).toSeconds();

const overlaps = (slot: TimeSpan, held: TimeSpan) => held.start < slot.end && slot.start < held.end;

/** The free slots in [from, to), earliest first, at most `limit`. */
export function freeSlots(request: FreeSlotRequest): TimeSpan[] {
  const { timeZone, slotLength, from, to, chainTime, held, limit } = request;
  if (slotLength <= 0 || to <= from || limit <= 0) return [];
  const sessionsByWeekday = new Map<number, WeeklySession[]>();
  for (const session of request.sessions) {
    sessionsByWeekday.set(session.weekday, [...(sessionsByWeekday.get(session.weekday) ?? []), session]);
  }
  const earliestStart = Math.max(from, chainTime + 1);
  const lastDay = DateTime.fromSeconds(to, { zone: timeZone }).startOf('day');

  const found: TimeSpan[] = [];
  // Sessions never cross midnight, so every slot in range lies on a calendar day from `from`'s to `to`'s.
  for (
    let day = DateTime.fromSeconds(from, { zone: timeZone }).startOf('day');
    day <= lastDay;
    day = day.plus({ days: 1 })
  ) {
    const sessions = [...(sessionsByWeekday.get(day.weekday) ?? [])].sort((a, b) => a.start.localeCompare(b.start));
    for (const session of sessions) {
      const sessionEnd = instantOn(day, session.end);
      for (let start = instantOn(day, session.start); start + slotLength <= sessionEnd; start += slotLength) {
        const slot = { start, end: start + slotLength };
        if (slot.start < earliestStart || slot.end > to) continue;
        if (held.some((taken) => overlaps(slot, taken))) continue;
        found.push(slot);
      }
    }
    // Later days hold only later slots: once the limit is reached, the rest cannot make the cut.
    if (found.length >= limit) break;
  }
  // Sessions are sorted by wall-clock time; on a clock change two of them may land out of order in real time.
  return found.sort((a, b) => a.start - b.start).slice(0, limit);
}
