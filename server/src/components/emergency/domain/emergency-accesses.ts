/**
 * Reading break-glass uses: the patient's own list (their Activity shows it first), a doctor's own list,
 * and the admins' review queue with how often each doctor used break-glass. A justification may describe
 * the patient's condition: an admin's read of a patient's accesses is in that patient's access log.
 */
import type { EmergencyAccessList, EmergencyAccessView, EmergencyReviewBody, EmergencyReviewQueue } from '@api';
import { forbidden, notFound } from '../../../libraries/errors';
import { recordAccess } from '../../audit';
import { countUses, findAccess, findAccesses } from '../data-access/emergency-access-store';
import { saveReview } from '../data-access/review-store';
import { toAccessViews } from './access-views';
import { accountOf, assertAdmin, chainNow, type EmergencyChain } from './emergency-context';

const DAY_MS = 24 * 60 * 60 * 1000;

export const accessNotFound = (id: string) =>
  notFound(`No emergency access ${id} is known`, 'EMERGENCY_ACCESS_NOT_FOUND');

/** GET /api/emergency/accesses?patient: the patient; admins (logged). */
export async function listPatientAccesses(
  chain: EmergencyChain,
  caller: string,
  patient: string,
): Promise<EmergencyAccessList> {
  const reader = accountOf(caller);
  if (reader !== patient) {
    if (!(await chain.registry.isAdmin(reader))) {
      throw forbidden("Only the patient and admins may list a patient's emergency accesses", 'EMERGENCY_NOT_ALLOWED');
    }
    await recordAccess({ actor: reader, patient, what: 'emergency.accesses', outcome: 'allowed', why: 'admin' });
  }
  const [accesses, now] = await Promise.all([findAccesses({ patient }), chainNow(chain)]);
  return { items: await toAccessViews(accesses, now) };
}

/** GET /api/emergency/accesses/mine: a doctor's own uses (their own words; nothing of the patient's). */
export async function listOwnAccesses(chain: EmergencyChain, caller: string): Promise<EmergencyAccessList> {
  const [accesses, now] = await Promise.all([findAccesses({ doctor: accountOf(caller) }), chainNow(chain)]);
  return { items: await toAccessViews(accesses, now) };
}

/** GET /api/emergency/reviews: unreviewed first, newest first within each; each doctor's use counts. */
export async function reviewQueue(chain: EmergencyChain, caller: string): Promise<EmergencyReviewQueue> {
  const admin = accountOf(caller);
  await assertAdmin(chain, admin, 'review emergency accesses');
  const [accesses, now] = await Promise.all([findAccesses(), chainNow(chain)]);
  const doctors = [...new Set(accesses.map((access) => access.doctor))];
  const [views, uses] = await Promise.all([
    toAccessViews(accesses, now),
    countUses(doctors, new Date(now.getTime() - 30 * DAY_MS)),
  ]);
  // The justifications are the patients' data too: each patient's log says an admin reviewed them.
  for (const patient of new Set(accesses.map((access) => access.patient))) {
    await recordAccess({ actor: admin, patient, what: 'emergency.accesses', outcome: 'allowed', why: 'admin review' });
  }
  const items = views
    .map((view) => ({ ...view, doctorUses: uses.get(view.doctor) ?? { total: 0, last30Days: 0 } }))
    .sort((a, b) => Number(a.review !== null) - Number(b.review !== null));
  return { items, unreviewed: items.filter((item) => item.review === null).length };
}

/** POST /api/emergency/reviews/:id */
export async function reviewAccess(
  chain: EmergencyChain,
  caller: string,
  id: string,
  body: Required<EmergencyReviewBody>,
): Promise<EmergencyAccessView> {
  const admin = accountOf(caller);
  await assertAdmin(chain, admin, 'review emergency accesses');
  const access = await findAccess(id);
  if (!access) throw accessNotFound(id);
  await saveReview({ accessId: id, outcome: body.outcome, note: body.note, reviewer: admin, reviewedAt: new Date() });
  const [view] = await toAccessViews([access], await chainNow(chain));
  return view;
}
