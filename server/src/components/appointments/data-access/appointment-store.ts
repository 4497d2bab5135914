/**
 * The appointments read model: one document per on-chain appointment, rebuilt from Appointments events.
 * Each write carries its event's position (block * 1e5 + log index, unique per (txHash, logIndex)) and
 * only applies over an older position, so replaying a log, or a whole range, changes nothing (as in
 * doctor-store.ts). Nothing here is health data: the booking reason is an encrypted note on IPFS of which
 * only the CID (public on chain) is kept, and the doctor's rejection reason lives apart (note-store.ts).
 */
import mongoose, { Schema } from 'mongoose';
import { LISTED_APPOINTMENT_STATUSES, type AppointmentStatus } from '@api';

export type ListedStatus = Exclude<AppointmentStatus, 'none'>;

export interface HistoryRecord {
  kind: 'requested' | 'status' | 'rescheduled';
  status: ListedStatus;
  by: string;
  at: Date;
  txHash: string;
  previousSlot?: Date;
}

export interface PaymentRecord {
  kind: 'escrowed' | 'released';
  payee?: string;
  amountWei: string;
  at: Date;
  txHash: string;
}

export interface AppointmentRecord {
  /** The on-chain id, decimal. */
  id: string;
  patient: string;
  doctor: string;
  status: ListedStatus;
  slot: Date;
  slotEnd: Date;
  /** Seconds, as booked (the doctor's slot length at request). */
  duration: number;
  feeWei: string;
  feeSettled: boolean;
  requestedAt: Date;
  acceptedAt?: Date;
  /** CID of the patient's encrypted reason note (AppointmentRequested's reasonCid); absent when none was given. */
  reasonCid?: string;
  /** When the chain last changed the status or the slot (the chain's own `updatedAt`). */
  updatedAt: Date;
  history: HistoryRecord[];
  payments: PaymentRecord[];
  /** Position of the AppointmentRequested event: breaks ties between equal slots. */
  requestedPosition: number;
  /** Position of the last applied event. */
  eventPosition: number;
}

const historySchema = new Schema<HistoryRecord>(
  {
    kind: { type: String, required: true },
    status: { type: String, required: true, enum: LISTED_APPOINTMENT_STATUSES },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    txHash: { type: String, required: true },
    previousSlot: Date,
  },
  { _id: false },
);

const paymentSchema = new Schema<PaymentRecord>(
  {
    kind: { type: String, required: true },
    payee: String,
    amountWei: { type: String, required: true },
    at: { type: Date, required: true },
    txHash: { type: String, required: true },
  },
  { _id: false },
);

const appointmentSchema = new Schema<AppointmentRecord>(
  {
    id: { type: String, required: true, unique: true },
    patient: { type: String, required: true },
    doctor: { type: String, required: true },
    status: { type: String, required: true, enum: LISTED_APPOINTMENT_STATUSES },
    slot: { type: Date, required: true },
    slotEnd: { type: Date, required: true },
    duration: { type: Number, required: true },
    feeWei: { type: String, required: true },
    feeSettled: { type: Boolean, required: true },
    requestedAt: { type: Date, required: true },
    acceptedAt: Date,
    reasonCid: String,
    updatedAt: { type: Date, required: true },
    history: { type: [historySchema], required: true },
    payments: { type: [paymentSchema], required: true },
    requestedPosition: { type: Number, required: true },
    eventPosition: { type: Number, required: true },
  },
  { versionKey: false, timestamps: false },
);
// The list queries: a patient's bookings, a doctor's queue, every appointment by status (admins), by slot.
appointmentSchema.index({ patient: 1, slot: 1, requestedPosition: 1 });
appointmentSchema.index({ doctor: 1, slot: 1, requestedPosition: 1 });
appointmentSchema.index({ status: 1, slot: 1, requestedPosition: 1 });
appointmentSchema.index({ slot: 1, requestedPosition: 1 });
// The dashboard's requests per day.
appointmentSchema.index({ requestedAt: 1 });

export const AppointmentModel = mongoose.model<AppointmentRecord>('Appointment', appointmentSchema, 'appointments');

const DUPLICATE_KEY = 11000;
const PROJECTION = { _id: 0 } as const;

/**
 * Inserts a requested appointment unless its request was applied already: an existing document makes the
 * upsert hit the unique id index, which simply means "already applied". True when it was inserted.
 */
export async function insertRequestedAppointment(record: AppointmentRecord): Promise<boolean> {
  const { id, eventPosition, ...fields } = record;
  try {
    const result = await AppointmentModel.updateOne(
      { id, eventPosition: mongoose.trusted({ $lt: eventPosition }) },
      { $set: { ...fields, eventPosition } },
      { upsert: true },
    );
    return result.upsertedCount + result.modifiedCount > 0;
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    return false;
  }
}

export interface AppointmentChangeSet {
  set?: Partial<Omit<AppointmentRecord, 'id' | 'history' | 'payments' | 'eventPosition'>>;
  history?: HistoryRecord;
  payment?: PaymentRecord;
}

/**
 * Applies `change` to appointment `id` if `position` is newer than its last applied event; answers the
 * document after the change, or null when there was nothing to apply (a replay, or an unknown id).
 */
export async function applyAppointmentChange(
  id: string,
  position: number,
  change: AppointmentChangeSet,
): Promise<AppointmentRecord | null> {
  return AppointmentModel.findOneAndUpdate(
    { id, eventPosition: mongoose.trusted({ $lt: position }) },
    {
      $set: { ...change.set, eventPosition: position },
      ...((change.history || change.payment) && {
        $push: {
          ...(change.history && { history: change.history }),
          ...(change.payment && { payments: change.payment }),
        },
      }),
    },
    { returnDocument: 'after', projection: PROJECTION },
  ).lean<AppointmentRecord>();
}

/**
 * The appointment between `patient` and `doctor` whose reason note is `reasonCid`, any status (the
 * document-keys component's ground for serving that note's key to the doctor); null when there is none.
 */
export async function findAppointmentByReason(
  patient: string,
  doctor: string,
  reasonCid: string,
): Promise<AppointmentRecord | null> {
  return AppointmentModel.findOne({ patient, doctor, reasonCid }, PROJECTION)
    .sort({ requestedPosition: 1 })
    .lean<AppointmentRecord>();
}

export async function findAppointment(id: string): Promise<AppointmentRecord | null> {
  return AppointmentModel.findOne({ id }, PROJECTION).lean<AppointmentRecord>();
}

export interface AppointmentFilter {
  /** Appointments where this account is the patient or the doctor. */
  party?: string;
  patient?: string;
  doctor?: string;
  statuses?: ListedStatus[];
  from?: Date;
  to?: Date;
}

function toMongoFilter(filter: AppointmentFilter): Record<string, unknown> {
  const slot = {
    ...(filter.from && { $gte: filter.from }),
    ...(filter.to && { $lt: filter.to }),
  };
  return {
    ...(filter.party && { $or: [{ patient: filter.party }, { doctor: filter.party }] }),
    ...(filter.patient && { patient: filter.patient }),
    ...(filter.doctor && { doctor: filter.doctor }),
    ...(filter.statuses && { status: mongoose.trusted({ $in: filter.statuses }) }),
    ...(Object.keys(slot).length > 0 && { slot: mongoose.trusted(slot) }),
  };
}

/** One page sorted by slot (then request order), and how many match in all. */
export async function findAppointments(
  filter: AppointmentFilter,
  page: { order: 'asc' | 'desc'; offset: number; limit: number },
): Promise<{ items: AppointmentRecord[]; total: number }> {
  const query = toMongoFilter(filter);
  const direction = page.order === 'asc' ? 1 : -1;
  const [items, total] = await Promise.all([
    AppointmentModel.find(query, PROJECTION)
      .sort({ slot: direction, requestedPosition: direction })
      .skip(page.offset)
      .limit(page.limit)
      .lean<AppointmentRecord[]>(),
    AppointmentModel.countDocuments(query),
  ]);
  return { items, total };
}

/** Requests per UTC day (YYYY-MM-DD) with requestedAt in [from, to). */
export async function countRequestsPerDay(from: Date, to: Date): Promise<Map<string, number>> {
  const rows = await AppointmentModel.aggregate<{ _id: string; count: number }>([
    { $match: { requestedAt: { $gte: from, $lt: to } } },
    {
      $group: {
        _id: { $dateToString: { format: '%Y-%m-%d', date: '$requestedAt', timezone: 'UTC' } },
        count: { $sum: 1 },
      },
    },
  ]);
  return new Map(rows.map((row) => [row._id, row.count]));
}

export async function countByStatus(): Promise<Map<ListedStatus, number>> {
  const rows = await AppointmentModel.aggregate<{ _id: ListedStatus; count: number }>([
    { $group: { _id: '$status', count: { $sum: 1 } } },
  ]);
  return new Map(rows.map((row) => [row._id, row.count]));
}

export async function deleteAllAppointments(): Promise<void> {
  await AppointmentModel.deleteMany({});
}

/** Erasure: the patient's appointments (id and reason note CID) before they are forgotten. */
export async function findAppointmentsOfPatient(
  patient: string,
): Promise<Pick<AppointmentRecord, 'id' | 'reasonCid'>[]> {
  return AppointmentModel.find({ patient }, { _id: 0, id: 1, reasonCid: 1 }).lean<
    Pick<AppointmentRecord, 'id' | 'reasonCid'>[]
  >();
}

/** Erasure: forgets the patient's appointments (rebuilds skip them: the tombstone filter). */
export async function deleteAppointmentsOfPatient(patient: string): Promise<void> {
  await AppointmentModel.deleteMany({ patient });
}
