/**
 * Registry events → the patients read model. The indexer hands this source every Registry log in
 * chain order (components/indexer); a replayed registration is a no-op (data-access/patient-store.ts).
 */
import { getAddress } from 'ethers';
import { Registry__factory } from '@contracts/types';
import type { PatientRegisteredEvent } from '@contracts/types/Registry';
import { typedEventHandler, type Deployment, type EventSource } from '../../../../libraries/chain';
import { clearPatientReadModel, recordPatientRegistered } from '../../domain/patient-events';

export function patientRegistryEvents(registry: Deployment): EventSource {
  return {
    name: 'Registry→patients',
    address: getAddress(registry.address),
    fromBlock: registry.blockNumber,
    contractInterface: Registry__factory.createInterface(),
    handlers: {
      PatientRegistered: typedEventHandler<PatientRegisteredEvent.OutputObject>((args, at) =>
        recordPatientRegistered({ patient: getAddress(args.patient) }, at),
      ),
    },
    reset: clearPatientReadModel,
  };
}
