/**
 * emergency_reviews: the admins' verdict on each break-glass use, keyed by the access id (stable across
 * read-model rebuilds). Journaled: the chain cannot rebuild a review; a later review replaces the earlier.
 */
import mongoose, { Schema } from 'mongoose';
import { EMERGENCY_REVIEW_OUTCOMES, type EmergencyReviewOutcome } from '@api';

export interface ReviewRecord {
  accessId: string;
  outcome: EmergencyReviewOutcome;
  note: string;
  reviewer: string;
  reviewedAt: Date;
}

const reviewSchema = new Schema<ReviewRecord>(
  {
    accessId: { type: String, required: true, unique: true },
    outcome: { type: String, required: true, enum: EMERGENCY_REVIEW_OUTCOMES },
    note: { type: String, default: '', maxlength: 1000 },
    reviewer: { type: String, required: true },
    reviewedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const ReviewModel = mongoose.model<ReviewRecord>('EmergencyReview', reviewSchema, 'emergency_reviews');

export async function saveReview(review: ReviewRecord): Promise<void> {
  const { accessId, ...fields } = review;
  await ReviewModel.replaceOne(
    { accessId },
    { accessId, ...fields },
    { upsert: true, runValidators: true, writeConcern: { w: 1, j: true } },
  );
}

export async function findReviews(accessIds: string[]): Promise<Map<string, ReviewRecord>> {
  if (accessIds.length === 0) return new Map();
  const found = await ReviewModel.find({ accessId: mongoose.trusted({ $in: accessIds }) }, { _id: 0 }).lean<
    ReviewRecord[]
  >();
  return new Map(found.map((review) => [review.accessId, review]));
}
