/**
 * The anchors read model: one document per ResearchExportAnchored event, keyed by the export hash the
 * contract keeps unique, so a replay finds it there already. Kept apart from the exports themselves
 * (export-store.ts), which the chain cannot rebuild: a rebuild empties this and reads the events again.
 */
import mongoose, { Schema } from 'mongoose';

export interface AnchorRecord {
  exportHash: string;
  exportId: number;
  admin: string;
  patientCount: number;
  k: number;
  epsilonMilli: number;
  transactionHash: string;
  logIndex: number;
  blockNumber: number;
  anchoredAt: Date;
}

const anchorSchema = new Schema<AnchorRecord>(
  {
    exportHash: { type: String, required: true, unique: true },
    exportId: { type: Number, required: true },
    admin: { type: String, required: true },
    patientCount: { type: Number, required: true },
    k: { type: Number, required: true },
    epsilonMilli: { type: Number, required: true },
    transactionHash: { type: String, required: true },
    logIndex: { type: Number, required: true },
    blockNumber: { type: Number, required: true },
    anchoredAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);

const AnchorModel = mongoose.model<AnchorRecord>('ResearchAnchor', anchorSchema, 'research_anchors');

const DUPLICATE_KEY = 11000;

export async function saveAnchor(anchor: AnchorRecord): Promise<void> {
  try {
    await AnchorModel.updateOne({ exportHash: anchor.exportHash }, { $setOnInsert: anchor }, { upsert: true });
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
}

export async function findAnchors(exportHashes: string[]): Promise<Map<string, AnchorRecord>> {
  if (exportHashes.length === 0) return new Map();
  const anchors = await AnchorModel.find({ exportHash: mongoose.trusted({ $in: exportHashes }) }, { _id: 0 }).lean<
    AnchorRecord[]
  >();
  return new Map(anchors.map((anchor) => [anchor.exportHash, anchor]));
}

export async function deleteAllAnchors(): Promise<void> {
  await AnchorModel.deleteMany({});
}
