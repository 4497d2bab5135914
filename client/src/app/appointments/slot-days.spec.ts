import { groupSlotsByDay } from './slot-days';

const slot = (start: string, minutes = 30) => ({
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
});

describe('groupSlotsByDay', () => {
  // 22:30 and 23:00 UTC on 7 Dec are still 7 Dec in London, but already 8 Dec in Tokyo (UTC+9).
  const slots = [slot('2026-12-08T09:00:00.000Z'), slot('2026-12-07T23:00:00.000Z'), slot('2026-12-07T22:30:00.000Z')];

  it("When a London patient looks at a Tokyo doctor's slots, then they are grouped by the patient's calendar days, in order, with the doctor's clock beside each", () => {
    const days = groupSlotsByDay(slots, 'Europe/London', 'Asia/Tokyo');

    expect(days.map((day) => day.label)).toEqual(['Monday 7 December', 'Tuesday 8 December']);
    expect(days[0].slots.map((choice) => choice.time)).toEqual(['22:30–23:00', '23:00–23:30']);
    expect(days[0].slots[0].doctorTime).toBe('07:30 in Asia/Tokyo');
    expect(days[1].slots.map((choice) => choice.start)).toEqual(['2026-12-08T09:00:00.000Z']);
  });

  it('When the patient is in Tokyo, then the same slots fall on one day, 8 December, and no second clock is shown', () => {
    const days = groupSlotsByDay(slots, 'Asia/Tokyo', 'Asia/Tokyo');

    expect(days.map((day) => day.label)).toEqual(['Tuesday 8 December']);
    expect(days[0].slots.map((choice) => choice.time)).toEqual(['07:30–08:00', '08:00–08:30', '18:00–18:30']);
    expect(days[0].slots.every((choice) => choice.doctorTime === undefined)).toBe(true);
  });
});
