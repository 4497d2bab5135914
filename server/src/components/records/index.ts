/**
 * Records: a patient's record, the read model of the Records contract's RecordAdded events (written
 * only through the indexer, by this component's event source), read by those the chain allows and
 * logged in the access log; and the uploads pinned to IPFS but not anchored yet, kept for a retry.
 */
import { Consent__factory, EmergencyAccess__factory, Registry__factory } from '@contracts/types';
import { deploymentOf } from '../../libraries/chain';
import type { Component } from '../component';
import { recordRoutes } from './entry-points/api/records-routes';
import { recordsEvents } from './entry-points/chain-events/records-events';

export { recordRoutes, type RecordRouteOptions } from './entry-points/api/records-routes';
export { recordEntriesOf, cidsOutsideRecord } from './domain/record-queries';
export { assertMayReadRecords, type RecordsChain } from './domain/records-access';
export { findRecordsOfPatient, type RecordEntryRecord } from './data-access/record-store';

export { eraseRecordsData, recordCidsOf } from './domain/records-erasure';
export const recordsComponent: Component = {
  name: 'records',
  contracts: ['Records', 'Consent', 'Registry', 'EmergencyAccess'],
  apiRoutes: ({ chain, limitWrites }) =>
    recordRoutes({
      registry: chain.contract('Registry', Registry__factory),
      consent: chain.contract('Consent', Consent__factory),
      emergency: chain.contract('EmergencyAccess', EmergencyAccess__factory),
      limitWrites,
    }),
  eventSources: (deployments) => [recordsEvents(deploymentOf(deployments, 'Records'))],
};
