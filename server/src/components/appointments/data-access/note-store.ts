/**
 * The two parties' notes on an appointment: the patient's reason for the visit and the doctor's reason for
 * rejecting it. Health data: kept off chain, only here, never logged, and never reset with the read model
 * (nothing on chain could rebuild them), so every write is journaled before the caller hears "saved".
 */
import mongoose, { Schema } from 'mongoose';

export interface AppointmentNotes {
  reason?: string;
  rejectionReason?: string;
}

interface NoteRecord extends AppointmentNotes {
  appointmentId: string;
  reasonUpdatedAt?: Date;
  rejectionReasonUpdatedAt?: Date;
}

const noteSchema = new Schema<NoteRecord>(
  {
    appointmentId: { type: String, required: true, unique: true },
    reason: { type: String, maxlength: 1000 },
    reasonUpdatedAt: Date,
    rejectionReason: { type: String, maxlength: 1000 },
    rejectionReasonUpdatedAt: Date,
  },
  { versionKey: false, timestamps: false },
);

const NoteModel = mongoose.model<NoteRecord>('AppointmentNote', noteSchema, 'appointment_notes');

export type NoteKind = keyof AppointmentNotes;

/** Replaces one note of appointment `appointmentId`. Journaled (j: true): it survives a crash once answered. */
export async function saveNote(appointmentId: string, kind: NoteKind, text: string, at: Date): Promise<void> {
  await NoteModel.updateOne(
    { appointmentId },
    { $set: { [kind]: text, [`${kind}UpdatedAt`]: at } },
    { upsert: true, runValidators: true, writeConcern: { w: 1, j: true } },
  );
}

/** The notes of these appointments, by id (appointments without notes are absent). */
export async function findNotes(appointmentIds: string[]): Promise<Map<string, AppointmentNotes>> {
  if (appointmentIds.length === 0) return new Map();
  const notes = await NoteModel.find(
    { appointmentId: mongoose.trusted({ $in: appointmentIds }) },
    { _id: 0, appointmentId: 1, reason: 1, rejectionReason: 1 },
  ).lean<NoteRecord[]>();
  return new Map(
    notes.map(({ appointmentId, reason, rejectionReason }) => [appointmentId, { reason, rejectionReason }]),
  );
}
