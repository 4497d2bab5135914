/**
 * recovery_keys: a patient's registered recovery key (from a printed recovery code) with the wallet's
 * signature over it; recovery_claims: which new wallets proved they hold a patient's recovery code.
 * Neither can be rebuilt from the chain: journaled writes, one document per patient / per claim.
 */
import mongoose, { Schema } from 'mongoose';

export interface RecoveryKeyRecord {
  address: string;
  publicKey: string;
  signingKey: string;
  chainId: number;
  signature: string;
  registeredAt: Date;
}

export interface RecoveryClaimRecord {
  patient: string;
  claimant: string;
  claimedAt: Date;
}

const recoveryKeySchema = new Schema<RecoveryKeyRecord>(
  {
    address: { type: String, required: true, unique: true },
    publicKey: { type: String, required: true },
    signingKey: { type: String, required: true },
    chainId: { type: Number, required: true },
    signature: { type: String, required: true },
    registeredAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);

const recoveryClaimSchema = new Schema<RecoveryClaimRecord>(
  {
    patient: { type: String, required: true },
    claimant: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);
recoveryClaimSchema.index({ patient: 1, claimant: 1 }, { unique: true });

const RecoveryKeyModel = mongoose.model<RecoveryKeyRecord>('RecoveryKey', recoveryKeySchema, 'recovery_keys');
const RecoveryClaimModel = mongoose.model<RecoveryClaimRecord>('RecoveryClaim', recoveryClaimSchema, 'recovery_claims');

const journaled = { writeConcern: { w: 1, j: true } } as const;

/** Registers or replaces the patient's recovery key. */
export async function saveRecoveryKey(record: RecoveryKeyRecord): Promise<void> {
  await RecoveryKeyModel.updateOne(
    { address: record.address },
    { $set: record },
    { upsert: true, runValidators: true, ...journaled },
  );
}

export async function findRecoveryKey(address: string): Promise<RecoveryKeyRecord | null> {
  return RecoveryKeyModel.findOne({ address }, { _id: 0 }).lean<RecoveryKeyRecord>();
}

/** Records that `claimant` proved it holds `patient`'s recovery code (idempotent: the pair is unique). */
export async function saveRecoveryClaim(claim: RecoveryClaimRecord): Promise<void> {
  await RecoveryClaimModel.updateOne(
    { patient: claim.patient, claimant: claim.claimant },
    { $set: { claimedAt: claim.claimedAt } },
    { upsert: true, ...journaled },
  );
}

export async function hasRecoveryClaim(patient: string, claimant: string): Promise<boolean> {
  return (await RecoveryClaimModel.exists({ patient, claimant })) !== null;
}

/** Erasure: deletes the patient's recovery key registration and every claim on it. */
export async function deleteRecoveryOf(patient: string): Promise<void> {
  await RecoveryKeyModel.deleteOne({ address: patient }, journaled);
  await RecoveryClaimModel.deleteMany({ patient }, journaled);
}
