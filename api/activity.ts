/**
 * /api/activity: the Activity Tracker, a timeline of what happened to an account and its data. Chain
 * events (Registry, Consent, Appointments, Records) come from the indexer; off-chain events (an admin
 * edited my profile, read my patient profile) are reported by the component where they happen.
 */
import { z } from 'zod';
import { AddressSchema } from './address';
import { routes } from './route-spec';

/** A kind is a dotted code (`consent.granted`); a filter may give its first part only (`consent`). */
export const ACTIVITY_KIND_PATTERN = /^[a-z]+(?:\.[a-z]+(?:-[a-z]+)*)*$/;

/** `2026-03-01` (a whole day) or an ISO date-time with a zone (`2026-03-01T09:30:00Z`). */
const IsoInstantSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be an ISO date (2026-03-01) or date-time with a zone (2026-03-01T09:30:00Z)',
});

/** GET /api/activity?subject&kind&from&to&offset&limit */
export const ActivityQuerySchema = z
  .strictObject({
    /** Admins only: whose timeline (default: the signed-in account's). */
    subject: AddressSchema.optional(),
    /** A kind (`consent.granted`) or the start of one (`consent`). */
    kind: z
      .string()
      .max(64)
      .regex(ACTIVITY_KIND_PATTERN, 'must be an activity kind such as consent or consent.granted')
      .optional(),
    /** From this instant on; a date alone means from the start of that day (UTC). */
    from: IsoInstantSchema.optional(),
    /** Up to this instant; a date alone means up to the end of that day (UTC). */
    to: IsoInstantSchema.optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((query) => !query.from || !query.to || startOf(query.from) <= endOf(query.to), {
    path: ['to'],
    message: 'must not be before from',
  });
export type ActivityQuery = z.infer<typeof ActivityQuerySchema>;

/** The first instant a `from` bound names. */
export function startOf(bound: string): Date {
  return new Date(bound.length === 10 ? `${bound}T00:00:00.000Z` : bound);
}

/** The last instant a `to` bound names (a whole day runs to its last millisecond). */
export function endOf(bound: string): Date {
  return new Date(bound.length === 10 ? `${bound}T23:59:59.999Z` : bound);
}

export const ACTIVITY_ORIGINS = ['chain', 'app'] as const;
export type ActivityOrigin = (typeof ACTIVITY_ORIGINS)[number];

/** One entry of a timeline, worded for its subject. */
export const ActivityEntrySchema = z.object({
  /** Whose timeline this entry is on. */
  subject: z.string(),
  /** Who did it (the subject themselves, an admin, a doctor, a patient). */
  actor: z.string(),
  /** A stable code, e.g. `doctor.verified`, `consent.granted`, `appointment.accepted`. */
  kind: z.string(),
  /** What happened, in words for the subject ("You granted Dr Ada Byron access until …"). */
  words: z.string(),
  /** Block time for chain events; the moment it was reported for app events. */
  at: z.iso.datetime(),
  /** `chain`: rebuilt from a contract event; `app`: reported by the API where it happened. */
  origin: z.enum(ACTIVITY_ORIGINS),
  transactionHash: z.string().optional(),
  logIndex: z.number().int().optional(),
  blockNumber: z.number().int().optional(),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

/** GET /api/activity: one page, newest first, and how many match in all. */
export const ActivityPageSchema = z.object({
  subject: z.string(),
  items: z.array(ActivityEntrySchema),
  total: z.number().int(),
});
export type ActivityPage = z.infer<typeof ActivityPageSchema>;

export const ACTIVITY_ROUTES = routes([
  {
    method: 'get',
    path: '/api/activity',
    summary:
      "A timeline, newest first: the signed-in account's, or (admins, ?subject=) any account's; filter by kind prefix and date range.",
    access: 'session',
    query: ActivityQuerySchema,
    response: ActivityPageSchema,
    errors: ['ADMIN_ONLY'],
  },
]);
