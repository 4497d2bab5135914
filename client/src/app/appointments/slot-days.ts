/**
 * Free slots as a patient reads them: grouped by day and labelled in the patient's own time zone, with the
 * doctor's time alongside when the doctor's consulting hours are set in another zone.
 */
import type { FreeSlots } from '@api';

type Slot = FreeSlots['slots'][number];

export interface SlotChoice {
  /** The slot's start as the API sent it (ISO); what the choice is keyed and booked by. */
  start: string;
  end: string;
  /** "09:00–09:30" in the patient's zone. */
  time: string;
  /** "17:00 in Asia/Tokyo" when the doctor's zone shows another clock time; absent otherwise. */
  doctorTime?: string;
}

export interface SlotDay {
  /** YYYY-MM-DD in the patient's zone. */
  key: string;
  /** "Monday 7 December" in the patient's zone. */
  label: string;
  slots: SlotChoice[];
}

/** The browser's IANA time zone, e.g. "Europe/London". */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The slots in order, one group per calendar day of `timeZone` (the patient's). */
export function groupSlotsByDay(
  slots: readonly Slot[],
  timeZone: string = localTimeZone(),
  doctorTimeZone: string | null = null,
): SlotDay[] {
  const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayLabel = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
  const clock = clockFormat(timeZone);
  const doctorClock = doctorTimeZone && doctorTimeZone !== timeZone ? clockFormat(doctorTimeZone) : null;
  const days = new Map<string, SlotDay>();
  const ordered = [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const slot of ordered) {
    const start = new Date(slot.start);
    const key = dayKey.format(start);
    let day = days.get(key);
    if (!day) {
      day = { key, label: dayLabel.format(start), slots: [] };
      days.set(key, day);
    }
    const time = `${clock.format(start)}–${clock.format(new Date(slot.end))}`;
    const doctorTime = doctorClock?.format(start);
    day.slots.push({
      start: slot.start,
      end: slot.end,
      time,
      ...(doctorTime && doctorTime !== clock.format(start) && { doctorTime: `${doctorTime} in ${doctorTimeZone}` }),
    });
  }
  return [...days.values()];
}

/** "Mon 7 Dec 2026, 09:00" in `timeZone` (default: the patient's). */
export function formatSlotTime(iso: string, timeZone: string = localTimeZone()): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}
