/**
 * research_exports: every export an admin made, as the exact canonical JSON that was hashed, with its
 * summary. The chain cannot rebuild these (only their hashes are anchored), so every write is
 * journaled (j: true, as in doctor-store.ts). Nothing here links a pseudonym to a patient.
 */
import mongoose, { Schema } from 'mongoose';
import type { ResearchExportSummary } from '@api';

export type StoredSummary = Omit<ResearchExportSummary, 'anchor' | 'createdAt'> & { createdAt: Date };

export interface ExportRecord extends StoredSummary {
  /** The canonical JSON whose sha-256 is `hash`, byte for byte. */
  canonical: string;
}

const exportSchema = new Schema<ExportRecord>(
  {
    id: { type: String, required: true, unique: true },
    hash: { type: String, required: true, unique: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    k: { type: Number, required: true },
    epsilon: { type: Number, required: true },
    epsilonMilli: { type: Number, required: true },
    eligiblePatients: { type: Number, required: true },
    patientCount: { type: Number, required: true },
    equivalenceClasses: { type: Number, required: true },
    informationLoss: { type: Schema.Types.Mixed, required: true },
    aggregates: { type: Schema.Types.Mixed, required: true },
    canonical: { type: String, required: true },
  },
  { versionKey: false, timestamps: false, minimize: false },
);
exportSchema.index({ createdAt: -1 });

const ExportModel = mongoose.model<ExportRecord>('ResearchExport', exportSchema, 'research_exports');

/** Journaled: once the admin is shown the hash to anchor, the export it hashes survives a crash. */
export async function saveExport(record: ExportRecord): Promise<void> {
  await ExportModel.bulkWrite([{ insertOne: { document: record } }], { writeConcern: { w: 1, j: true } });
}

/** The newest `limit` exports, without their (large) documents. */
export async function findRecentExports(limit: number): Promise<StoredSummary[]> {
  return ExportModel.find({}, { _id: 0, canonical: 0 }).sort({ createdAt: -1 }).limit(limit).lean<StoredSummary[]>();
}

export async function findExportDocument(id: string): Promise<string | null> {
  const found = await ExportModel.findOne({ id }, { _id: 0, canonical: 1 }).lean<{ canonical: string }>();
  return found?.canonical ?? null;
}
