/**
 * Doctors: the read model built from Registry events and Appointments' DoctorTermsSet (fee and slot
 * length), written only through the indexer by this component's event sources, and the off-chain
 * profiles and licences doctors store themselves.
 */
import { Registry__factory } from '@contracts/types';
import { deploymentOf } from '../../libraries/chain';
import { recordActivity } from '../activity';
import type { Component } from '../component';
import type { ProfileEdit } from './domain/doctor-profiles';
import { doctorRoutes } from './entry-points/api/doctor-routes';
import { doctorTermsEvents } from './entry-points/chain-events/appointments-events';
import { doctorRegistryEvents } from './entry-points/chain-events/registry-events';

export { doctorRoutes, type DoctorRouteOptions } from './entry-points/api/doctor-routes';
export {
  recordDoctorRegistered,
  recordDoctorVerified,
  recordDoctorRevoked,
  recordDoctorTermsSet,
  clearDoctorReadModel,
  type EventPosition,
} from './domain/doctor-events';
export { doctorSummaries, formalDoctorName, type DoctorSummary } from './domain/doctor-summaries';
export type { ProfileEdit } from './domain/doctor-profiles';
export { licenceCommitment } from './domain/licence-commitment';

/** `dateOfJoining` → `date of joining`: the words a person reads on their timeline. */
const fieldWords = (fields: string[]) =>
  fields.map((field) => field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)).join(', ');

/** An admin's edit of a doctor's profile goes on the doctor's Activity timeline (and the admin's). */
const recordAdminEdit = async (edit: ProfileEdit): Promise<void> => {
  if (!edit.created && edit.changedFields.length === 0) return;
  await recordActivity({
    kind: edit.created ? 'doctor.profile-created-by-admin' : 'doctor.profile-edited-by-admin',
    subject: edit.subject,
    actor: edit.actor,
    words: edit.created
      ? `{actor} created your doctor profile (${fieldWords(edit.changedFields)}).`
      : `{actor} edited your doctor profile: ${fieldWords(edit.changedFields)}.`,
    actorWords: edit.created
      ? `You created {subject}'s doctor profile.`
      : `You edited {subject}'s doctor profile: ${fieldWords(edit.changedFields)}.`,
    at: edit.at,
  });
};

export const doctorsComponent: Component = {
  name: 'doctors',
  contracts: ['Registry', 'Appointments'],
  apiRoutes: ({ chain, limitWrites }) =>
    doctorRoutes({
      registry: chain.contract('Registry', Registry__factory),
      limitWrites,
      onAdminEdit: recordAdminEdit,
    }),
  eventSources: (deployments) => [
    doctorRegistryEvents(deploymentOf(deployments, 'Registry')),
    doctorTermsEvents(deploymentOf(deployments, 'Appointments')),
  ],
};
