/**
 * Doctors' consulting hours (off chain: the chain holds only the fee and the slot length). What doctors
 * type is not rebuilt from any event, so every save is journaled before the doctor is told "saved".
 */
import mongoose, { Schema } from 'mongoose';

export interface StoredSession {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** HH:MM in the doctor's time zone. */
  start: string;
  end: string;
}

export interface PracticeHours {
  doctor: string;
  /** IANA time zone the sessions are read in, e.g. Europe/Berlin. */
  timeZone: string;
  sessions: StoredSession[];
  updatedAt: Date;
}

const CLOCK = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const sessionSchema = new Schema<StoredSession>(
  {
    weekday: { type: Number, required: true, min: 1, max: 7 },
    start: { type: String, required: true, match: CLOCK },
    end: { type: String, required: true, match: CLOCK },
  },
  { _id: false },
);

const practiceHoursSchema = new Schema<PracticeHours>(
  {
    doctor: { type: String, required: true, unique: true },
    timeZone: { type: String, required: true, maxlength: 64 },
    sessions: { type: [sessionSchema], required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const PracticeHoursModel = mongoose.model<PracticeHours>('PracticeHours', practiceHoursSchema, 'practice_hours');

/** Replaces the doctor's hours as a whole. Journaled (j: true): the chain cannot rebuild them. */
export async function savePracticeHours(hours: PracticeHours): Promise<void> {
  await PracticeHoursModel.replaceOne({ doctor: hours.doctor }, hours, {
    upsert: true,
    runValidators: true,
    writeConcern: { w: 1, j: true },
  });
}

export async function findPracticeHours(doctor: string): Promise<PracticeHours | null> {
  return PracticeHoursModel.findOne({ doctor }, { _id: 0 }).lean<PracticeHours>();
}
