import { TestBed } from '@angular/core/testing';
import { SlotPicker } from './slot-picker';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('SlotPicker', () => {
  it('When a doctor offers slots on five days, then three days show first and "Show more days" brings the rest', () => {
    // Noon UTC on five consecutive days: five different days in any time zone the tests run in.
    const first = Date.parse('2031-05-05T12:00:00.000Z');
    const slots = [0, 1, 2, 3, 4].map((day) => ({
      start: new Date(first + day * DAY).toISOString(),
      end: new Date(first + day * DAY + HOUR / 2).toISOString(),
    }));
    const fixture = TestBed.createComponent(SlotPicker);
    fixture.componentRef.setInput('slots', slots);
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    const legends = () => page.querySelectorAll('legend').length;
    const more = () => [...page.querySelectorAll('button')].find((button) => /Show more days/.test(button.textContent));

    expect(legends()).toBe(3);
    expect(more()!.textContent).toMatch(/2 more with free slots/);
    more()!.click();
    fixture.detectChanges();
    expect(legends()).toBe(5);
    expect(more()).toBeUndefined();
  });
});
