import { ChangeDetectionStrategy, Component, computed, input, model, signal } from '@angular/core';
import type { FreeSlots } from '@api';
import { groupSlotsByDay, localTimeZone } from './slot-days';

/**
 * A doctor's free slots as radio buttons, one group per day in the patient's time zone, naming both zones
 * so nobody books the wrong hour. Only the free slots the API offers are shown; `selected` is the chosen start.
 * A few days at a time: a doctor with long hours offers hundreds of slots over two weeks.
 */
@Component({
  selector: 'ehr-slot-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="zones muted" data-testid="time-zones">
      Times are in your time zone ({{ timeZone }}).
      @if (doctorTimeZone(); as zone) {
        {{ doctorName() }} keeps consulting hours in {{ zone }}{{ zone === timeZone ? ', the same zone' : '' }}.
      }
    </p>
    @for (day of visibleDays(); track day.key) {
      <fieldset class="day">
        <legend>{{ day.label }}</legend>
        <div class="slots">
          @for (slot of day.slots; track slot.start) {
            <label class="slot" [class.slot--chosen]="selected() === slot.start" [title]="slot.doctorTime ?? ''">
              <input
                type="radio"
                name="slot"
                [value]="slot.start"
                [checked]="selected() === slot.start"
                [attr.aria-label]="day.label + ', ' + slot.time"
                (change)="selected.set(slot.start)"
              />
              {{ slot.time }}
            </label>
          }
        </div>
      </fieldset>
    } @empty {
      <p class="empty">No free slots in the next two weeks.</p>
    }
    @if (hiddenDays() > 0) {
      <button type="button" class="btn btn--ghost" (click)="showMoreDays()">
        Show more days ({{ hiddenDays() }} more with free slots)
      </button>
    }
  `,
  styles: `
    .zones {
      margin: 0 0 0.75rem;
    }
    .day {
      border: 1px solid var(--border);
      border-radius: 0.5rem;
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem 0.75rem;
    }
    .day legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .slots {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .slot {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      padding: 0.3rem 0.6rem;
      border: 1px solid var(--border);
      border-radius: 999px;
      cursor: pointer;
      font-variant-numeric: tabular-nums;
    }
    .slot--chosen {
      border-color: var(--brand);
      background: var(--brand-soft);
    }
    .empty {
      color: var(--text-muted);
    }
  `,
})
export class SlotPicker {
  readonly slots = input.required<FreeSlots['slots']>();
  /** The doctor's consulting hours' zone, named beside the patient's. */
  readonly doctorTimeZone = input<string | null>(null);
  readonly doctorName = input('The doctor');
  readonly selected = model<string | null>(null);

  protected readonly timeZone = localTimeZone();
  protected readonly days = computed(() => groupSlotsByDay(this.slots(), this.timeZone, this.doctorTimeZone()));
  private readonly shownDays = signal(DAYS_AT_A_TIME);
  protected readonly visibleDays = computed(() => this.days().slice(0, this.shownDays()));
  protected readonly hiddenDays = computed(() => Math.max(0, this.days().length - this.shownDays()));

  protected showMoreDays(): void {
    this.shownDays.update((shown) => shown + DAYS_AT_A_TIME);
  }
}

const DAYS_AT_A_TIME = 3;
