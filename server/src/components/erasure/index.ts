/**
 * Erasure by crypto-shredding (docs/decisions/0020-erasure-by-crypto-shredding.md): the Erasure
 * contract's PatientErased is the tombstone. Applying it, the indexer destroys every wrapped key and the
 * patient's personal data held by the components of PERSONAL_DATA_HOLDERS and removes their documents
 * from IPFS; `erasureTombstones` makes every rebuild skip what the patient had before it.
 */
import {
  Appointments__factory,
  Consent__factory,
  Erasure__factory,
  Records__factory,
  Registry__factory,
} from '@contracts/types';
import { deploymentOf } from '../../libraries/chain';
import type { Component } from '../component';
import { erasureRoutes } from './entry-points/api/erasure-routes';
import { erasureEvents } from './entry-points/chain-events/erasure-events';

export { erasureTombstones } from './domain/tombstone-filter';
export { isErasedDocument } from './data-access/tombstone-store';
export { PERSONAL_DATA_HOLDERS, type PersonalDataHolder } from './domain/personal-data-holders';

export const erasureComponent: Component = {
  name: 'erasure',
  contracts: ['Erasure', 'Registry', 'Records', 'Appointments', 'Consent'],
  apiRoutes: ({ chain, limitWrites }) =>
    erasureRoutes(
      {
        registry: chain.contract('Registry', Registry__factory),
        erasure: chain.contract('Erasure', Erasure__factory),
        records: chain.contract('Records', Records__factory),
        appointments: chain.contract('Appointments', Appointments__factory),
        consent: chain.contract('Consent', Consent__factory),
      },
      limitWrites,
    ),
  eventSources: (deployments, _provider, { ipfs }) => [erasureEvents(deploymentOf(deployments, 'Erasure'), ipfs)],
};
