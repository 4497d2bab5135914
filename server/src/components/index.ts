/**
 * THE list of server components. app.ts mounts their routes in this order, runtime.ts checks the
 * deployment has the contracts they read and starts the indexer on their event sources. A new
 * domain adds its folder and one line here.
 */
import type { JsonRpcProvider } from 'ethers';
import type { ChainDeployments, EventSource } from '../libraries/chain';
import { contractsRequiredBy, eventSourcesOf } from '../libraries/component';
import type { Component, EventSourceServices } from './component';
import { activityComponent } from './activity';
import { adminsComponent } from './admins';
import { appointmentsComponent } from './appointments';
import { auditComponent } from './audit';
import { authComponent } from './auth';
import { consentComponent } from './consent';
import { doctorsComponent } from './doctors';
import { fhirComponent } from './fhir';
import { documentKeysComponent } from './document-keys';
import { emergencyComponent } from './emergency';
import { erasureComponent } from './erasure';
import { healthComponent } from './health';
import { ipfsComponent } from './ipfs';
import { openApiComponent } from './openapi';
import { patientsComponent } from './patients';
import { practiceComponent } from './practice';
import { recordsComponent } from './records';
import { researchComponent } from './research';
import { rpcComponent } from './rpc';
import { transactionsComponent } from './transactions';

export const COMPONENTS: readonly Component[] = [
  healthComponent,
  authComponent,
  doctorsComponent,
  patientsComponent,
  adminsComponent,
  consentComponent,
  activityComponent,
  openApiComponent,
  rpcComponent,
  transactionsComponent,
  appointmentsComponent,
  practiceComponent,
  auditComponent,
  ipfsComponent,
  recordsComponent,
  documentKeysComponent,
  emergencyComponent,
  erasureComponent,
  fhirComponent,
  researchComponent,
];

export type { Component, ComponentContext, EventSourceServices } from './component';

/** The contracts the deployment must have. */
export const requiredContracts = (): string[] => contractsRequiredBy(COMPONENTS);

/** Every contract event source the indexer follows. */
export const chainEventSources = (
  deployments: ChainDeployments,
  provider: JsonRpcProvider,
  services: EventSourceServices = {},
): EventSource[] => eventSourcesOf(COMPONENTS, deployments, provider, services);
