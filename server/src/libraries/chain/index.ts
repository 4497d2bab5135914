export { connectChain, createProvider, type Chain, type ContractFactory } from './chain';
export { deploymentOf, readDeployments, type ChainDeployments, type Deployment } from './deployments';
export { doctorStatusFromChain, DOCTOR_STATUSES, type DoctorStatus } from './doctor-status';
export type { EventHandler, EventSource, LogPosition } from './event-source';
