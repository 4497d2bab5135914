/**
 * document_keys: one document per IPFS document (cid), bound to its patient by the first write, holding
 * the wrapped document key of each reader (a map from checksummed address to wrapped key), the patient's
 * default sharing and the wrap for the patient's recovery key.
 *
 * There are no transactions, so every change is one atomic single-document update: concurrent writers of
 * different readers' keys never lose each other's, and the unique cid index makes the first write's patient
 * binding the only one (a second concurrent binder's upsert finds the first's document). The chain cannot
 * rebuild wrapped keys: every write is journaled.
 */
import mongoose, { Schema } from 'mongoose';
import { DOCUMENT_SHARING, type DocumentSharing } from '@api';

export interface DocumentKeysRecord {
  cid: string;
  patient: string;
  sharing: DocumentSharing;
  /** Reader address (checksummed) → wrapped key hex. */
  wrappedKeys: Record<string, string>;
  recoveryWrappedKey?: string;
  /** The recovery public key `recoveryWrappedKey` was stored under (a later, different one cannot open it). */
  recoveryPublicKey?: string;
  createdAt: Date;
  updatedAt: Date;
}

const documentKeysSchema = new Schema<DocumentKeysRecord>(
  {
    cid: { type: String, required: true, unique: true },
    patient: { type: String, required: true },
    sharing: { type: String, required: true, enum: DOCUMENT_SHARING },
    wrappedKeys: { type: Map, of: String, default: {} },
    recoveryWrappedKey: String,
    recoveryPublicKey: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);
documentKeysSchema.index({ patient: 1, createdAt: -1 });

const DocumentKeysModel = mongoose.model<DocumentKeysRecord>('DocumentKeys', documentKeysSchema, 'document_keys');

const journaled = { writeConcern: { w: 1, j: true } } as const;
const keyPath = (reader: string) => `wrappedKeys.${reader}`;

/**
 * Binds `cid` to `patient` unless it is bound already, and returns the patient it is bound to (the
 * caller compares). The filter is the unique key alone, so MongoDB retries a concurrent duplicate upsert
 * itself and both writers see the one binding.
 */
export async function bindDocument(cid: string, patient: string, at: Date): Promise<string> {
  const bound = await DocumentKeysModel.findOneAndUpdate(
    { cid },
    { $setOnInsert: { patient, sharing: 'doctors-with-access', wrappedKeys: {}, createdAt: at, updatedAt: at } },
    { upsert: true, returnDocument: 'after', projection: { _id: 0, patient: 1 }, ...journaled },
  ).lean<Pick<DocumentKeysRecord, 'patient'>>();
  return bound!.patient;
}

export interface DocumentKeysChange {
  /** Reader → wrapped key, added or replaced. */
  wrappedKeys: Record<string, string>;
  sharing?: DocumentSharing;
  recovery?: { wrappedKey: string; publicKey: string };
}

/** Adds or replaces readers' keys (and the sharing and recovery wrap when given) of a bound document. */
export async function saveDocumentKeys(cid: string, change: DocumentKeysChange, at: Date): Promise<void> {
  const set: Record<string, unknown> = { updatedAt: at };
  for (const [reader, wrappedKey] of Object.entries(change.wrappedKeys)) set[keyPath(reader)] = wrappedKey;
  if (change.sharing) set.sharing = change.sharing;
  if (change.recovery) {
    set.recoveryWrappedKey = change.recovery.wrappedKey;
    set.recoveryPublicKey = change.recovery.publicKey;
  }
  await DocumentKeysModel.updateOne({ cid }, { $set: set }, journaled);
}

/** Stores `reader`'s key only if none is stored (a writer who may add a key but not replace it). */
export async function addDocumentKeyIfAbsent(cid: string, reader: string, wrappedKey: string, at: Date): Promise<void> {
  await DocumentKeysModel.updateOne(
    { cid, [keyPath(reader)]: mongoose.trusted({ $exists: false }) },
    { $set: { [keyPath(reader)]: wrappedKey, updatedAt: at } },
    journaled,
  );
}

export async function saveSharing(cid: string, sharing: DocumentSharing, at: Date): Promise<void> {
  await DocumentKeysModel.updateOne({ cid }, { $set: { sharing, updatedAt: at } }, journaled);
}

/** Removes `reader`'s key; false when none was stored. */
export async function removeDocumentKey(cid: string, reader: string, at: Date): Promise<boolean> {
  const { modifiedCount } = await DocumentKeysModel.updateOne(
    { cid, [keyPath(reader)]: mongoose.trusted({ $exists: true }) },
    { $unset: { [keyPath(reader)]: '' }, $set: { updatedAt: at } },
    journaled,
  );
  return modifiedCount === 1;
}

export async function findDocumentKeys(cid: string): Promise<DocumentKeysRecord | null> {
  return DocumentKeysModel.findOne({ cid }, { _id: 0 }).lean<DocumentKeysRecord>();
}

/** Every document bound to `patient`, newest first. */
export async function findPatientDocuments(patient: string): Promise<DocumentKeysRecord[]> {
  return DocumentKeysModel.find({ patient }, { _id: 0 }).sort({ createdAt: -1 }).lean<DocumentKeysRecord[]>();
}

/** The patient's documents wrapped for the recovery key `recoveryPublicKey`. */
export async function findRecoveryWraps(
  patient: string,
  recoveryPublicKey: string,
): Promise<{ cid: string; recoveryWrappedKey: string }[]> {
  return DocumentKeysModel.find({ patient, recoveryPublicKey }, { _id: 0, cid: 1, recoveryWrappedKey: 1 })
    .sort({ createdAt: -1 })
    .lean<{ cid: string; recoveryWrappedKey: string }[]>();
}

/** Erasure: deletes every document of `patient` with every wrapped key in it (theirs, doctors', the recovery wrap). */
export async function deletePatientDocuments(patient: string): Promise<void> {
  await DocumentKeysModel.deleteMany({ patient }, journaled);
}
