export { connectChain, createProvider, type Chain, type ChainContracts } from './chain';
export { readDeployments, type ChainDeployments, type Deployment } from './deployments';
export { doctorStatusFromChain, DOCTOR_STATUSES, type DoctorStatus } from './doctor-status';
