/**
 * Doctors: the read model built from Registry events (written only by the indexer through the
 * record* functions) and the off-chain profiles doctors edit themselves.
 */
export { doctorRoutes, type DoctorRouteOptions } from './entry-points/api/doctor-routes';
export { recordDoctorRegistered, recordDoctorVerified, recordDoctorRevoked, clearDoctorReadModel, type EventPosition } from './domain/doctor-events';
export type { DoctorView } from './domain/doctor-view';
export { doctorSummaries, type DoctorSummary } from './domain/doctor-summaries';
export { licenceCommitment } from './domain/licence-commitment';
