/**
 * Off-chain events other components report: an admin edited a doctor's profile, an admin read a
 * patient's profile. The chain cannot rebuild these, so they are stored journaled and survive every
 * rebuild of the chain entries.
 */
import { z } from 'zod';
import { ACTIVITY_KIND_PATTERN, AddressSchema } from '@api';
import { saveAppEntries } from '../data-access/activity-store';

const ActivityReportSchema = z.strictObject({
  kind: z.string().max(64).regex(ACTIVITY_KIND_PATTERN),
  subject: AddressSchema,
  actor: AddressSchema,
  words: z.string().trim().min(1).max(500),
  actorWords: z.string().trim().min(1).max(500).optional(),
  at: z.date().optional(),
});

/** What happened off chain, to whom, by whom (see recordActivity). */
export type ActivityReport = z.input<typeof ActivityReportSchema>;

/**
 * Puts an off-chain event on `subject`'s timeline and, with `actorWords`, on the actor's too; both in
 * one journaled write. The words are templates: `{actor}` and `{subject}` are replaced by the people's
 * names when the timeline is read (or by "you" on their own timeline), so names are never copied here.
 *
 *   await recordActivity({
 *     kind: 'doctor.profile-edited', subject: doctor, actor: admin,
 *     words: '{actor} edited your doctor profile: city, mobile.',
 *     actorWords: "You edited {subject}'s doctor profile: city, mobile.",
 *   });
 *
 * Throws (a programming error, not a 400) when the report is malformed.
 */
export async function recordActivity(report: ActivityReport): Promise<void> {
  const { kind, subject, actor, words, actorWords, at = new Date() } = ActivityReportSchema.parse(report);
  const details = { about: subject };
  await saveAppEntries([
    { subject, actor, kind, at, words, details },
    ...(actorWords && actor !== subject ? [{ subject: actor, actor, kind, at, words: actorWords, details }] : []),
  ]);
}
