/**
 * /api/appointments: the appointments read model (rebuilt from Appointments events) with the CID of the
 * patient's encrypted reason note, the doctor's off-chain reason for rejecting, the live stream of changes
 * and the admin dashboard's appointment charts. Free slots and consulting hours: practice.ts.
 *
 * The chain is the source of truth for every status, time and fee. The booking reason is an encrypted note
 * (format `ehr-reason/1`) wrapped for the patient and the doctor in the browser: the server holds only its
 * CID, and serves its key through /api/documents/:cid/key (api/document-keys.ts), which audits the read.
 * The rejection reason is health data kept in MongoDB, readable by the two parties only.
 */
import { z } from 'zod';
import { AddressSchema } from './address';
import { LISTED_APPOINTMENT_STATUSES } from './chain-values';
import { routes } from './route-spec';

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const text = (max: number) => z.string().trim().min(1).max(max);

/** An on-chain appointment id (uint256, ids start at 1) as decimal digits. */
export const AppointmentIdParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,19}$/, 'must be an appointment id (a positive whole number)')
    .meta({ description: 'The on-chain appointment id', pattern: '^[1-9][0-9]{0,19}$' }),
});

/** `status=requested` or `status=requested,accepted`. */
const StatusFilterSchema = z
  .string()
  .transform((value) => value.split(','))
  .pipe(z.array(z.enum(LISTED_APPOINTMENT_STATUSES)).min(1))
  .meta({ description: 'One status or several, comma-separated', type: 'string' });

/**
 * GET /api/appointments: mine (a patient's bookings, a doctor's queue), sorted by slot. Admins see every
 * appointment and may narrow to one `patient` and/or `doctor`; for anybody else those filters must be
 * themselves or are refused (403 APPOINTMENTS_ADMIN_FILTER).
 */
export const AppointmentListQuerySchema = z.strictObject({
  status: StatusFilterSchema.optional(),
  /** Slots starting at or after this instant. */
  from: instant.optional(),
  /** Slots starting before this instant. */
  to: instant.optional(),
  patient: AddressSchema.optional(),
  doctor: AddressSchema.optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type AppointmentListQuery = z.input<typeof AppointmentListQuerySchema>;

/** One step of an appointment's life on chain, oldest first. */
export const AppointmentHistoryEntrySchema = z.object({
  kind: z.enum(['requested', 'status', 'rescheduled']),
  status: z.enum(LISTED_APPOINTMENT_STATUSES),
  /** The account that sent the transaction. */
  by: z.string(),
  at: z.iso.datetime(),
  txHash: z.string(),
  /** For `rescheduled`: the slot it moved from. */
  previousSlot: z.iso.datetime().optional(),
});

/** Money the appointment moved: the fee escrowed at request, then released to the patient or the doctor. */
export const AppointmentPaymentSchema = z.object({
  kind: z.enum(['escrowed', 'released']),
  /** For `released`: who can now withdraw it. */
  payee: z.string().optional(),
  amountWei: z.string(),
  at: z.iso.datetime(),
  txHash: z.string(),
});

export const AppointmentViewSchema = z.object({
  id: z.string(),
  patient: z.string(),
  doctor: z.string(),
  /** From the patient's profile, when they have one. */
  patientName: z.string().optional(),
  /** The doctor's formal name from their profile, when they have one. */
  doctorName: z.string().optional(),
  status: z.enum(LISTED_APPOINTMENT_STATUSES),
  slot: z.iso.datetime(),
  slotEnd: z.iso.datetime(),
  /** The slot length in seconds, as booked (the doctor's on-chain slot length then). */
  duration: z.number().int(),
  feeWei: z.string(),
  /** The fee has left escrow (to the patient or the doctor). */
  feeSettled: z.boolean(),
  requestedAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime(),
  /**
   * Until when the doctor may complete it or mark a no-show (accepted ones), after which the patient may
   * reclaim the fee; and until when the patient may dispute a no-show. From the chain's current periods.
   */
  closingDeadline: z.iso.datetime().optional(),
  disputeDeadline: z.iso.datetime().optional(),
  /**
   * CID of the patient's encrypted reason note (AppointmentRequested's reasonCid, public on chain); absent
   * when the patient gave none. Only the two parties hold a key to open it.
   */
  reasonCid: z.string().optional(),
  /** The doctor's reason for rejecting it: only the two parties read it. */
  rejectionReason: z.string().optional(),
  history: z.array(AppointmentHistoryEntrySchema),
  payments: z.array(AppointmentPaymentSchema),
});
export type AppointmentView = z.infer<typeof AppointmentViewSchema>;

export const AppointmentPageSchema = z.object({
  items: z.array(AppointmentViewSchema),
  total: z.number().int(),
  /** The latest block's time: what "upcoming" and "past" are measured against (never the server's clock). */
  chainTime: z.iso.datetime(),
});
export type AppointmentPage = z.infer<typeof AppointmentPageSchema>;

/**
 * PUT /api/appointments/:id/rejection-reason (the doctor, once rejected). Health data: kept off chain,
 * written with `j: true`.
 */
export const AppointmentNoteRequestSchema = z.strictObject({ text: text(1000) });
export type AppointmentNoteRequest = z.input<typeof AppointmentNoteRequestSchema>;

/** GET /api/appointments/stats (admins): the dashboard's appointment charts. */
export const AppointmentStatsSchema = z.object({
  /** Appointments requested per day (UTC, by block time) over the last 30 days up to the latest block, gaps as 0. */
  perDay: z.array(z.object({ day: z.iso.date(), count: z.number().int() })),
  /** Every appointment by its current status. */
  byStatus: z.record(z.enum(LISTED_APPOINTMENT_STATUSES), z.number().int()),
  total: z.number().int(),
});
export type AppointmentStats = z.infer<typeof AppointmentStatsSchema>;

/** One message of GET /api/appointments/stream (server-sent events, event name `appointment`). */
export const AppointmentChangeSchema = z.object({
  id: z.string(),
  status: z.enum(LISTED_APPOINTMENT_STATUSES),
  patient: z.string(),
  doctor: z.string(),
});
export type AppointmentChange = z.infer<typeof AppointmentChangeSchema>;

export const APPOINTMENT_ROUTES = routes([
  {
    method: 'get',
    path: '/api/appointments',
    summary:
      "Mine, sorted by slot: a patient's bookings, a doctor's queue; admins every appointment (no rejection reasons)",
    access: 'session',
    query: AppointmentListQuerySchema,
    response: AppointmentPageSchema,
    errors: ['APPOINTMENTS_ADMIN_FILTER'],
  },
  {
    method: 'get',
    path: '/api/appointments/stats',
    summary: 'Appointments per day over the last 30 days and by status (admins)',
    access: 'admin',
    response: AppointmentStatsSchema,
    errors: ['ADMIN_ONLY'],
  },
  {
    method: 'get',
    path: '/api/appointments/stream',
    summary: "Server-sent events: each change to one of the caller's appointments (admins: every one) as it is indexed",
    access: 'session',
    contentType: 'text/event-stream',
  },
  {
    method: 'get',
    path: '/api/appointments/:id',
    summary: 'One appointment: its two parties and admins (404 for anybody else)',
    access: 'session',
    params: AppointmentIdParamsSchema,
    response: AppointmentViewSchema,
    errors: ['APPOINTMENT_NOT_FOUND'],
  },
  {
    method: 'put',
    path: '/api/appointments/:id/rejection-reason',
    summary: "The doctor's reason for rejecting (the doctor, once rejected on chain)",
    access: 'session',
    params: AppointmentIdParamsSchema,
    body: AppointmentNoteRequestSchema,
    status: 204,
    errors: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_REJECTED'],
  },
]);
