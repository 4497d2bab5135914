/**
 * PatientErased → the shredding (domain/shred-patient.ts): the indexer's way into this component. The
 * tombstones are not a read model a rebuild may empty (they record shredding already done), so reset
 * leaves them.
 */
import { getAddress } from 'ethers';
import { Erasure__factory } from '@contracts/types';
import type { PatientErasedEvent } from '@contracts/types/Erasure';
import { typedEventHandler, type Deployment, type EventSource } from '../../../../libraries/chain';
import type { KuboClient } from '../../../ipfs';
import { ERASURE_SOURCE_NAME } from '../../domain/erasure-source-name';
import { shredPatient } from '../../domain/shred-patient';

export function erasureEvents(deployment: Deployment, ipfs: KuboClient | undefined): EventSource {
  return {
    name: ERASURE_SOURCE_NAME,
    address: getAddress(deployment.address),
    fromBlock: deployment.blockNumber,
    contractInterface: Erasure__factory.createInterface(),
    handlers: {
      PatientErased: typedEventHandler<PatientErasedEvent.OutputObject>((args, at) =>
        shredPatient(
          { patient: getAddress(args.patient), by: getAddress(args.by), requestCommitment: args.requestCommitment },
          at,
          ipfs,
        ),
      ),
    },
    reset: async () => {},
  };
}
