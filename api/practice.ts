/**
 * /api/doctors/…/practice: a doctor's consulting hours (off chain, in MongoDB) beside their on-chain terms
 * (fee and slot length, set with Appointments.setTerms). Free slots are the hours cut into slots of the
 * on-chain length, minus the times held by requested and accepted appointments.
 */
import { z } from 'zod';
import { DoctorAddressParamsSchema } from './doctors';
import { routes } from './route-spec';

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const clock = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time of day as HH:MM (24-hour)')
  .meta({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** An IANA time zone the server's Intl knows, e.g. "Europe/Berlin". */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Berlin');

/** One consulting session on a weekday, in the doctor's time zone (ISO weekdays: 1 = Monday … 7 = Sunday). */
export const ConsultingSessionSchema = z
  .strictObject({ weekday: z.number().int().min(1).max(7), start: clock, end: clock })
  .refine((session) => minutesOf(session.end) > minutesOf(session.start), {
    message: 'must end after it starts',
    path: ['end'],
  });

/** PUT /api/doctors/me/practice: the doctor's consulting hours (sessions of one weekday must not overlap). */
export const PracticeHoursRequestSchema = z
  .strictObject({
    timeZone: TimeZoneSchema,
    sessions: z.array(ConsultingSessionSchema).max(35),
  })
  .superRefine((hours, ctx) => {
    hours.sessions.forEach((session, index) => {
      const overlapping = hours.sessions.findIndex(
        (other, otherIndex) =>
          otherIndex < index &&
          other.weekday === session.weekday &&
          minutesOf(other.start) < minutesOf(session.end) &&
          minutesOf(session.start) < minutesOf(other.end),
      );
      if (overlapping >= 0) {
        ctx.addIssue({
          code: 'custom',
          message: `overlaps session ${overlapping} of the same weekday`,
          path: ['sessions', index],
        });
      }
    });
  });
export type PracticeHoursRequest = z.input<typeof PracticeHoursRequestSchema>;
export type ConsultingSession = z.infer<typeof ConsultingSessionSchema>;

export const PracticeViewSchema = z.object({
  doctor: z.string(),
  /** On chain (Appointments.doctorTerms); null until the doctor publishes terms. */
  feeWei: z.string().nullable(),
  slotLength: z.number().int().nullable(),
  /** Off chain; null until the doctor saves consulting hours. */
  hours: z
    .object({
      timeZone: z.string(),
      sessions: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
      updatedAt: z.iso.datetime(),
    })
    .nullable(),
});
export type PracticeView = z.infer<typeof PracticeViewSchema>;

/** GET /api/doctors/:address/slots?from&to: the doctor's free slots (at most 31 days, 500 slots). */
export const SlotQuerySchema = z.strictObject({
  /** Default: the latest block's time. Slots before the latest block's time are never offered. */
  from: instant.optional(),
  /** Default: 14 days after `from`. */
  to: instant.optional(),
});
export type SlotQuery = z.input<typeof SlotQuerySchema>;

export const FreeSlotsSchema = z.object({
  doctor: z.string(),
  /** The doctor's on-chain terms; null until they publish them (no slots then). */
  feeWei: z.string().nullable(),
  slotLength: z.number().int().nullable(),
  /** The doctor's consulting hours' time zone (IANA), null until they publish hours (no slots then). */
  timeZone: z.string().nullable(),
  chainTime: z.iso.datetime(),
  /** Earliest first: each starts after `chainTime` and at or after `from`, and ends by `to`. */
  slots: z.array(z.object({ start: z.iso.datetime(), end: z.iso.datetime() })),
});
export type FreeSlots = z.infer<typeof FreeSlotsSchema>;

export const PRACTICE_ROUTES = routes([
  {
    method: 'get',
    path: '/api/doctors/:address/slots',
    summary: "A verified doctor's free slots: consulting hours minus requested and accepted appointments (patients)",
    access: 'session',
    params: DoctorAddressParamsSchema,
    query: SlotQuerySchema,
    response: FreeSlotsSchema,
    errors: ['SLOTS_PATIENTS_ONLY', 'DOCTOR_NOT_FOUND', 'SLOTS_RANGE'],
  },
  {
    method: 'get',
    path: '/api/doctors/:address/practice',
    summary:
      "A doctor's fee and slot length (chain) and consulting hours (any signed-in account; a doctor not verified: admins and themselves)",
    access: 'session',
    params: DoctorAddressParamsSchema,
    response: PracticeViewSchema,
    errors: ['DOCTOR_NOT_FOUND'],
  },
  {
    method: 'put',
    path: '/api/doctors/me/practice',
    summary: 'The signed-in verified doctor saves their consulting hours',
    access: 'session',
    body: PracticeHoursRequestSchema,
    response: PracticeViewSchema,
    errors: ['PRACTICE_VERIFIED_DOCTORS_ONLY'],
  },
]);
