export { connectChain, createProvider, type Chain, type ContractFactory } from './chain';
export { deploymentOf, readDeployments, type ChainDeployments, type Deployment } from './deployments';
export { doctorStatusFromChain, DOCTOR_STATUSES, type DoctorStatus } from './doctor-status';
export { typedEventHandler, type EventHandler, type EventSource, type LogPosition } from './event-source';
export { chainUnavailable, isChainUnreachable } from './chain-provider';
