/**
 * The doctors read model: one document per doctor, rebuilt from Registry events (and the terms doctors
 * publish in Appointments).
 * Each write carries the event's position (block, log index) and only applies over an older
 * position, so replaying a log, or a whole range, leaves the document unchanged.
 */
import mongoose, { Schema } from 'mongoose';
import { REGISTERED_DOCTOR_STATUSES, type RegisteredDoctorStatus } from '@api';

export interface DoctorRecord {
  address: string;
  status: RegisteredDoctorStatus;
  licenceHash: string;
  speciality: number;
  registeredBy: string;
  registeredAt: Date;
  /** Position of the DoctorRegistered event; sorts doctors in registration order. */
  registeredPosition: number;
  updatedAt: Date;
  verifiedBy?: string;
  revokedBy?: string;
  revocationReason?: number;
  /** The doctor's last published terms (Appointments DoctorTermsSet): fee in wei (decimal) and slot length in seconds. */
  feeWei?: string;
  slotLength?: number;
  /** Position of the last applied event: block * 1e5 + log index. */
  eventPosition: number;
}

const doctorSchema = new Schema<DoctorRecord>(
  {
    address: { type: String, required: true, unique: true },
    status: { type: String, required: true, enum: REGISTERED_DOCTOR_STATUSES },
    licenceHash: { type: String, required: true },
    speciality: { type: Number, required: true },
    registeredBy: { type: String, required: true },
    registeredAt: { type: Date, required: true },
    registeredPosition: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    verifiedBy: String,
    revokedBy: String,
    revocationReason: Number,
    feeWei: String,
    slotLength: Number,
    eventPosition: { type: Number, required: true },
  },
  { versionKey: false, timestamps: false },
);
doctorSchema.index({ status: 1, registeredPosition: 1 });
doctorSchema.index({ registeredPosition: 1 });

export const DoctorModel = mongoose.model<DoctorRecord>('Doctor', doctorSchema, 'doctors');

const DUPLICATE_KEY = 11000;

/**
 * Sets `changes` on the doctor if `position` is newer than the last applied event.
 * With `create`, a missing doctor is inserted; an existing newer document makes the upsert hit the
 * unique address index, which simply means "already applied".
 */
export async function applyDoctorChange(
  address: string,
  position: number,
  changes: Partial<DoctorRecord>,
  options: { create: boolean },
): Promise<void> {
  try {
    await DoctorModel.updateOne(
      { address, eventPosition: mongoose.trusted({ $lt: position }) },
      { $set: { ...changes, eventPosition: position } },
      { upsert: options.create },
    );
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
}

export async function findDoctor(address: string): Promise<DoctorRecord | null> {
  return DoctorModel.findOne({ address }, { _id: 0 }).lean<DoctorRecord>();
}

export async function findDoctorsIn(addresses: string[]): Promise<DoctorRecord[]> {
  if (addresses.length === 0) return [];
  return DoctorModel.find({ address: mongoose.trusted({ $in: addresses }) }, { _id: 0 }).lean<DoctorRecord[]>();
}

export async function deleteAllDoctors(): Promise<void> {
  await DoctorModel.deleteMany({});
}
