/**
 * public_keys: each account's published X25519 public key and the owner's wallet signature over it.
 * The chain cannot rebuild these (they are signatures, not events), so every write is journaled.
 */
import mongoose, { Schema } from 'mongoose';

export interface PublishedKeyRecord {
  address: string;
  publicKey: string;
  chainId: number;
  signature: string;
  publishedAt: Date;
}

const publishedKeySchema = new Schema<PublishedKeyRecord>(
  {
    address: { type: String, required: true, unique: true },
    publicKey: { type: String, required: true },
    chainId: { type: Number, required: true },
    signature: { type: String, required: true },
    publishedAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);

const PublishedKeyModel = mongoose.model<PublishedKeyRecord>('PublishedKey', publishedKeySchema, 'public_keys');

/** Publishes or replaces `record.address`'s key (one document per account: the upsert is atomic). */
export async function savePublishedKey(record: PublishedKeyRecord): Promise<void> {
  await PublishedKeyModel.updateOne(
    { address: record.address },
    { $set: record },
    { upsert: true, runValidators: true, writeConcern: { w: 1, j: true } },
  );
}

export async function findPublishedKey(address: string): Promise<PublishedKeyRecord | null> {
  return PublishedKeyModel.findOne({ address }, { _id: 0 }).lean<PublishedKeyRecord>();
}

/** Erasure: deletes `address`'s published key and its signature. */
export async function deletePublishedKey(address: string): Promise<void> {
  await PublishedKeyModel.deleteOne({ address }, { writeConcern: { w: 1, j: true } });
}
