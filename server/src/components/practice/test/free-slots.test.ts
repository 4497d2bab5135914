/**
 * The free-slot computation alone (no chain, no database): consulting hours in the doctor's time zone,
 * cut into slots of the on-chain length, minus held times, after the chain's time.
 */
import { freeSlots, type FreeSlotRequest, type TimeSpan } from '../domain/free-slots';

const MINUTE = 60;
const SLOT = 30 * MINUTE;
const at = (iso: string) => Date.parse(iso) / 1000;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
const starts = (slots: TimeSpan[]) => slots.map((slot) => iso(slot.start));

/** Hours 09:00–12:00 on Mondays in Berlin, asked for Monday 5 January 2026 (winter, UTC+1). */
const request = (changes: Partial<FreeSlotRequest> = {}): FreeSlotRequest => ({
  timeZone: 'Europe/Berlin',
  sessions: [{ weekday: 1, start: '09:00', end: '12:00' }],
  slotLength: SLOT,
  from: at('2026-01-05T00:00:00Z'),
  to: at('2026-01-06T00:00:00Z'),
  chainTime: at('2026-01-01T00:00:00Z'),
  held: [],
  limit: 500,
  ...changes,
});

describe('Free slots', () => {
  test('When a Berlin doctor consults 09:00–12:00 on a winter Monday, then six half-hour slots start at 08:00 UTC', () => {
    const slots = freeSlots(request());

    expect(starts(slots)).toEqual([
      '2026-01-05T08:00:00Z',
      '2026-01-05T08:30:00Z',
      '2026-01-05T09:00:00Z',
      '2026-01-05T09:30:00Z',
      '2026-01-05T10:00:00Z',
      '2026-01-05T10:30:00Z',
    ]);
    expect(slots.every((slot) => slot.end - slot.start === SLOT)).toBe(true);
  });

  test('When the same hours are asked for a summer Monday, then they start at 07:00 UTC (CEST, UTC+2)', () => {
    const slots = freeSlots(request({ from: at('2026-07-06T00:00:00Z'), to: at('2026-07-07T00:00:00Z') }));

    expect(starts(slots)[0]).toBe('2026-07-06T07:00:00Z');
    expect(starts(slots).at(-1)).toBe('2026-07-06T09:30:00Z');
  });

  test('When the week spans the spring clock change, then Sunday 09:00 is 08:00 UTC before it and 07:00 UTC on the day', () => {
    const sundays = request({
      sessions: [{ weekday: 7, start: '09:00', end: '09:30' }],
      from: at('2026-03-22T00:00:00Z'),
      to: at('2026-03-30T00:00:00Z'),
    });

    expect(starts(freeSlots(sundays))).toEqual(['2026-03-22T08:00:00Z', '2026-03-29T07:00:00Z']);
  });

  test('When a session spans the hour the clocks skip, then it lasts the real two hours between 01:00 and 04:00', () => {
    const night = request({
      sessions: [{ weekday: 7, start: '01:00', end: '04:00' }],
      from: at('2026-03-28T00:00:00Z'),
      to: at('2026-03-30T00:00:00Z'),
    });

    expect(starts(freeSlots(night))).toEqual([
      '2026-03-29T00:00:00Z',
      '2026-03-29T00:30:00Z',
      '2026-03-29T01:00:00Z',
      '2026-03-29T01:30:00Z',
    ]);
  });

  test('When a session spans the hour the clocks repeat, then it lasts the real four hours between 01:00 and 04:00', () => {
    const night = request({
      sessions: [{ weekday: 7, start: '01:00', end: '04:00' }],
      slotLength: 60 * MINUTE,
      from: at('2026-10-24T00:00:00Z'),
      to: at('2026-10-26T00:00:00Z'),
    });

    expect(starts(freeSlots(night))).toEqual([
      '2026-10-24T23:00:00Z',
      '2026-10-25T00:00:00Z',
      '2026-10-25T01:00:00Z',
      '2026-10-25T02:00:00Z',
    ]);
  });

  test('When the doctor consults in Asia/Kolkata (UTC+5:30), then 09:00 is 03:30 UTC', () => {
    const kolkata = request({ timeZone: 'Asia/Kolkata', sessions: [{ weekday: 1, start: '09:00', end: '10:00' }] });

    expect(starts(freeSlots(kolkata))).toEqual(['2026-01-05T03:30:00Z', '2026-01-05T04:00:00Z']);
  });

  test('When an appointment holds 08:15–08:45 UTC, then both slots it partly overlaps are taken out and its neighbours stay', () => {
    const slots = freeSlots(
      request({ held: [{ start: at('2026-01-05T08:15:00Z'), end: at('2026-01-05T08:45:00Z') }] }),
    );

    expect(starts(slots)).toEqual([
      '2026-01-05T09:00:00Z',
      '2026-01-05T09:30:00Z',
      '2026-01-05T10:00:00Z',
      '2026-01-05T10:30:00Z',
    ]);
  });

  test('When a held appointment ends exactly where a slot starts, then that slot is free', () => {
    const slots = freeSlots(
      request({ held: [{ start: at('2026-01-05T07:30:00Z'), end: at('2026-01-05T08:00:00Z') }] }),
    );

    expect(starts(slots)[0]).toBe('2026-01-05T08:00:00Z');
  });

  test('When the chain is at a slot’s start or past it, then only the slots starting later are offered', () => {
    const slots = freeSlots(request({ chainTime: at('2026-01-05T09:00:00Z') }));

    expect(starts(slots)).toEqual(['2026-01-05T09:30:00Z', '2026-01-05T10:00:00Z', '2026-01-05T10:30:00Z']);
  });

  test('When the range cuts the session, then only slots lying wholly inside it are offered', () => {
    const slots = freeSlots(request({ from: at('2026-01-05T08:10:00Z'), to: at('2026-01-05T09:45:00Z') }));

    expect(starts(slots)).toEqual(['2026-01-05T08:30:00Z', '2026-01-05T09:00:00Z']);
  });

  test('When the session is not a whole number of slots, then the remainder is not offered', () => {
    const slots = freeSlots(request({ sessions: [{ weekday: 1, start: '09:00', end: '10:15' }] }));

    expect(starts(slots)).toEqual(['2026-01-05T08:00:00Z', '2026-01-05T08:30:00Z']);
  });

  test('When sessions sit on other weekdays or there are none, then the day has no slots', () => {
    expect(freeSlots(request({ sessions: [{ weekday: 2, start: '09:00', end: '12:00' }] }))).toEqual([]);
    expect(freeSlots(request({ sessions: [] }))).toEqual([]);
  });

  test('When two sessions share a day, then their slots come earliest first whatever order they were saved in', () => {
    const slots = freeSlots(
      request({
        sessions: [
          { weekday: 1, start: '14:00', end: '15:00' },
          { weekday: 1, start: '09:00', end: '10:00' },
        ],
      }),
    );

    expect(starts(slots)).toEqual([
      '2026-01-05T08:00:00Z',
      '2026-01-05T08:30:00Z',
      '2026-01-05T13:00:00Z',
      '2026-01-05T13:30:00Z',
    ]);
  });

  test('When more slots exist than the limit, then the earliest ones up to the limit are answered', () => {
    const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:30' }));
    const slots = freeSlots(
      request({ sessions: everyDay, slotLength: 5 * MINUTE, to: at('2026-02-05T00:00:00Z'), limit: 500 }),
    );

    expect(slots).toHaveLength(500);
    expect(starts(slots)[0]).toBe('2026-01-05T00:00:00Z');
    expect(slots.every((slot, i) => i === 0 || slot.start > slots[i - 1].start)).toBe(true);
  });
});
