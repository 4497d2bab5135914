/**
 * The "My practice" forms: the on-chain terms (fee in ETH, slot length in minutes) and the off-chain
 * consulting hours, with the rules of Appointments.setTerms and of PracticeHoursRequestSchema
 * (api/practice.ts) mirrored so the doctor hears about a mistake before the wallet or the API does.
 */
import {
  type AbstractControl,
  type FormArray,
  type NonNullableFormBuilder,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { formatEther, parseEther } from 'ethers';
import type { PracticeHoursRequest, PracticeView } from '@api';
import { SLOT_LENGTH_BOUNDS } from '@api/chain-values';

/** The largest fee the contract stores (uint96 wei). */
const MAX_FEE_WEI = 2n ** 96n - 1n;
export const SLOT_MINUTES = { min: SLOT_LENGTH_BOUNDS.min / 60, max: SLOT_LENGTH_BOUNDS.max / 60 } as const;
/** The API's limit of sessions per week. */
export const MAX_SESSIONS = 35;

/** ISO weekdays, as the API numbers them (1 = Monday … 7 = Sunday). */
export const WEEKDAYS = [
  { value: 1, name: 'Monday' },
  { value: 2, name: 'Tuesday' },
  { value: 3, name: 'Wednesday' },
  { value: 4, name: 'Thursday' },
  { value: 5, name: 'Friday' },
  { value: 6, name: 'Saturday' },
  { value: 7, name: 'Sunday' },
] as const;

/** The fee as wei, or null when the text is not an amount of ether. */
export function weiOf(ether: string): bigint | null {
  try {
    return parseEther(ether.trim());
  } catch {
    return null;
  }
}

/** A non-negative amount of ether the contract can store (0 is allowed: free appointments). */
export function etherAmount(control: AbstractControl<string>): ValidationErrors | null {
  if (!control.value?.trim()) return null;
  const wei = weiOf(control.value);
  if (wei === null || wei < 0n) return { etherAmount: true };
  return wei > MAX_FEE_WEI ? { tooLarge: true } : null;
}

const requiredValue: ValidatorFn = (control) => Validators.required(control);

export function termsForm(fb: NonNullableFormBuilder) {
  return fb.group({
    fee: ['', [requiredValue, etherAmount]],
    slotMinutes: [30, [requiredValue, Validators.min(SLOT_MINUTES.min), Validators.max(SLOT_MINUTES.max), wholeNumber]],
  });
}
export type TermsForm = ReturnType<typeof termsForm>;

function wholeNumber(control: AbstractControl<number>): ValidationErrors | null {
  return control.value === null || Number.isInteger(control.value) ? null : { wholeNumber: true };
}

/** What setTerms takes: the fee in wei and the slot length in seconds. */
export function termsOf(form: TermsForm): { feeWei: bigint; slotLength: number } {
  const { fee, slotMinutes } = form.getRawValue();
  return { feeWei: weiOf(fee)!, slotLength: slotMinutes * 60 };
}

/** Fills the terms form with the published terms, when there are some. */
export function fillTermsForm(form: TermsForm, practice: PracticeView): void {
  if (practice.feeWei === null || !practice.slotLength) return;
  form.reset({ fee: formatEther(BigInt(practice.feeWei)), slotMinutes: practice.slotLength / 60 });
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A session ends after it starts (the API's rule); reported on its `end`. */
function endsAfterStart(group: AbstractControl): ValidationErrors | null {
  const { start, end } = (group as SessionGroup).getRawValue();
  return start && end && minutesOf(end) <= minutesOf(start) ? { endBeforeStart: true } : null;
}

/** Sessions of one weekday do not overlap (the API's rule); reported as the indexes of the later ones. */
function noOverlaps(array: AbstractControl): ValidationErrors | null {
  const sessions = (array as FormArray<SessionGroup>).getRawValue();
  const overlapping = sessions
    .map((session, index) => ({ session, index }))
    .filter(({ session, index }) =>
      sessions.some(
        (other, otherIndex) =>
          otherIndex < index &&
          other.weekday === session.weekday &&
          Boolean(other.start && other.end && session.start && session.end) &&
          minutesOf(other.start) < minutesOf(session.end) &&
          minutesOf(session.start) < minutesOf(other.end),
      ),
    )
    .map(({ index }) => index);
  return overlapping.length ? { overlapping } : null;
}

export function sessionGroup(fb: NonNullableFormBuilder, session = { weekday: 1, start: '09:00', end: '12:00' }) {
  return fb.group(
    { weekday: [session.weekday], start: [session.start, requiredValue], end: [session.end, requiredValue] },
    { validators: endsAfterStart },
  );
}
export type SessionGroup = ReturnType<typeof sessionGroup>;

/** The time zone this browser runs in: the default for a doctor's first hours. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The IANA zones this browser knows, with `current` kept even if it does not know it. */
export function timeZoneChoices(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

export function hoursForm(fb: NonNullableFormBuilder) {
  return fb.group({
    timeZone: [browserTimeZone(), requiredValue],
    sessions: fb.array<SessionGroup>([], { validators: [noOverlaps, Validators.maxLength(MAX_SESSIONS)] }),
  });
}
export type HoursForm = ReturnType<typeof hoursForm>;

/** Fills the hours form with the saved hours, when there are some. */
export function fillHoursForm(fb: NonNullableFormBuilder, form: HoursForm, practice: PracticeView): void {
  if (!practice.hours) return;
  form.controls.timeZone.setValue(practice.hours.timeZone);
  form.controls.sessions.clear();
  for (const session of practice.hours.sessions) form.controls.sessions.push(sessionGroup(fb, session));
  form.markAsPristine();
}

export function hoursRequestOf(form: HoursForm): PracticeHoursRequest {
  const { timeZone, sessions } = form.getRawValue();
  return { timeZone, sessions: sessions.map(({ weekday, start, end }) => ({ weekday: Number(weekday), start, end })) };
}
