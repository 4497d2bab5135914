/**
 * Records events → the records read model: the indexer's way into this component, as the routes are
 * HTTP's. RecordAdded is the contract's only event.
 */
import { getAddress } from 'ethers';
import { Records__factory } from '@contracts/types';
import type { RecordAddedEvent } from '@contracts/types/Records';
import { typedEventHandler, type Deployment, type EventSource } from '../../../../libraries/chain';
import { clearRecordsReadModel, recordAdded } from '../../domain/record-events';

export function recordsEvents(deployment: Deployment): EventSource {
  return {
    name: 'Records',
    address: getAddress(deployment.address),
    fromBlock: deployment.blockNumber,
    contractInterface: Records__factory.createInterface(),
    handlers: {
      RecordAdded: typedEventHandler<RecordAddedEvent.OutputObject>((args, at) =>
        recordAdded(
          {
            id: BigInt(args.id),
            patient: getAddress(args.patient),
            author: getAddress(args.author),
            kind: BigInt(args.kind),
            cid: args.cid,
            contentHash: args.contentHash,
            amends: BigInt(args.amends),
          },
          at,
        ),
      ),
    },
    reset: clearRecordsReadModel,
  };
}
