/**
 * Doctors: the read model built from Registry events (written only by the indexer through the
 * record* functions) and the off-chain profiles doctors edit themselves.
 */
export { doctorRoutes, type DoctorRouteOptions } from './entry-points/api/doctor-routes';
export { recordDoctorRegistered, recordDoctorVerified, recordDoctorRevoked, clearDoctorReadModel, type EventPosition } from './domain/doctor-events';
export { licenceCommitment } from './domain/licence-commitment';
