/**
 * An emergency access as people read it: the chain's opening joined to the doctor's stored justification
 * (matched by commitment, and only if the same doctor wrote it for the same patient), the doctor's name and
 * the admins' review. `live` is judged by the chain's clock; only a pair's latest opening can be live
 * (a new breakGlass replaces the window).
 */
import type { EmergencyAccessView } from '@api';
import { doctorSummaries } from '../../doctors';
import type { EmergencyAccessRecord } from '../data-access/emergency-access-store';
import { findJustifications } from '../data-access/justification-store';
import { findReviews } from '../data-access/review-store';

const pairOf = (access: EmergencyAccessRecord) => `${access.patient}|${access.doctor}`;

export async function toAccessViews(accesses: EmergencyAccessRecord[], now: Date): Promise<EmergencyAccessView[]> {
  const [justifications, reviews, doctors] = await Promise.all([
    findJustifications([...new Set(accesses.map((access) => access.commitment))]),
    findReviews(accesses.map((access) => access.id)),
    doctorSummaries([...new Set(accesses.map((access) => access.doctor))]),
  ]);
  const latestOfPair = new Map<string, number>();
  for (const access of accesses) {
    latestOfPair.set(pairOf(access), Math.max(latestOfPair.get(pairOf(access)) ?? 0, access.position));
  }
  return accesses.map((access) => {
    const stated = justifications.get(access.commitment);
    const matches = stated && stated.doctor === access.doctor && stated.patient === access.patient;
    const review = reviews.get(access.id);
    const doctorName = doctors.get(access.doctor)?.displayName;
    return {
      id: access.id,
      patient: access.patient,
      doctor: access.doctor,
      ...(doctorName && { doctorName }),
      commitment: access.commitment,
      justification: matches ? stated.justification : null,
      openedAt: access.openedAt.toISOString(),
      expiresAt: access.expiresAt.toISOString(),
      endedAt: access.endedAt?.toISOString() ?? null,
      endedBy: access.endedBy,
      live: access.endedAt === null && access.expiresAt > now && latestOfPair.get(pairOf(access)) === access.position,
      doctorUseCount: access.doctorUseCount,
      txHash: access.txHash,
      review: review
        ? {
            outcome: review.outcome,
            note: review.note,
            reviewer: review.reviewer,
            reviewedAt: review.reviewedAt.toISOString(),
          }
        : null,
    };
  });
}
