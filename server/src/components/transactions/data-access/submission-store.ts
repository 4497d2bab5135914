/**
 * The transactions the client reported sending (hash, sender, what the person did, when). The chain
 * cannot rebuild these (a reverted or dropped transaction leaves no event, and the submission time
 * is known only here), so they live apart from the rebuildable receipts and are written journaled.
 */
import mongoose, { Schema } from 'mongoose';
import { TRANSACTIONS_COLLECTION } from './transaction-store';

export interface SubmissionRecord {
  hash: string;
  /** The signed-in account that reported it (checked against the transaction's sender when the node knows it). */
  from: string;
  action?: string;
  submittedAt: Date;
}

const submissionSchema = new Schema<SubmissionRecord>(
  {
    hash: { type: String, required: true, unique: true },
    from: { type: String, required: true },
    action: String,
    submittedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const SubmissionModel = mongoose.model<SubmissionRecord>(
  'TransactionSubmission',
  submissionSchema,
  'transaction_submissions',
);

/**
 * Keeps the first report of `hash` (its submission time is the one that counts); a later report of the
 * same hash by the same account only fills in a missing action. Returns the stored submission.
 */
export async function saveSubmission(submission: SubmissionRecord): Promise<SubmissionRecord> {
  const { action } = submission;
  const stored = (await SubmissionModel.findOneAndUpdate(
    { hash: submission.hash },
    { $setOnInsert: submission },
    { upsert: true, returnDocument: 'after', writeConcern: { w: 'majority', j: true }, projection: { _id: 0 } },
  ).lean<SubmissionRecord>())!;
  if (action && !stored.action && stored.from === submission.from) {
    await SubmissionModel.updateOne(
      { hash: submission.hash, action: { $exists: false } },
      { $set: { action } },
      { writeConcern: { w: 'majority', j: true } },
    );
    return { ...stored, action };
  }
  return stored;
}

export async function findSubmissionsIn(hashes: string[]): Promise<Map<string, SubmissionRecord>> {
  if (hashes.length === 0) return new Map();
  const found = await SubmissionModel.find({ hash: mongoose.trusted({ $in: hashes }) }, { _id: 0 }).lean<
    SubmissionRecord[]
  >();
  return new Map(found.map((submission) => [submission.hash, submission]));
}

/**
 * Reported transactions whose report the Transaction Records do not show yet: still pending, not there
 * at all (after a rebuild emptied them), or written by the indexer without the report. Oldest first.
 */
export async function findUnresolvedSubmissions(limit: number): Promise<SubmissionRecord[]> {
  return SubmissionModel.aggregate<SubmissionRecord>([
    { $sort: { submittedAt: 1 } },
    { $lookup: { from: TRANSACTIONS_COLLECTION, localField: 'hash', foreignField: 'hash', as: 'resolved' } },
    {
      $match: {
        $or: [{ resolved: { $size: 0 } }, { 'resolved.status': 'pending' }, { 'resolved.submittedAt': null }],
      },
    },
    { $limit: limit },
    { $project: { _id: 0, hash: 1, from: 1, action: 1, submittedAt: 1 } },
  ]);
}

/** Erasure: the reports `account` sent. */
export async function deleteSubmissionsFrom(account: string): Promise<void> {
  await SubmissionModel.deleteMany(
    { from: mongoose.trusted({ $in: [account, account.toLowerCase()] }) },
    { writeConcern: { w: 1, j: true } },
  );
}
