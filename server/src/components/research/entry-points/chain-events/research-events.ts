/** ResearchSharing events → the participation and anchor read models: the indexer's way into this component. */
import { getAddress } from 'ethers';
import { ResearchSharing__factory } from '@contracts/types';
import type {
  ResearchExportAnchoredEvent,
  ResearchOptedInEvent,
  ResearchOptedOutEvent,
} from '@contracts/types/ResearchSharing';
import { typedEventHandler, type Deployment, type EventSource } from '../../../../libraries/chain';
import {
  clearResearchReadModels,
  recordExportAnchored,
  recordOptedIn,
  recordOptedOut,
} from '../../domain/research-events';

export function researchEvents(deployment: Deployment): EventSource {
  return {
    name: 'ResearchSharing',
    address: getAddress(deployment.address),
    fromBlock: deployment.blockNumber,
    contractInterface: ResearchSharing__factory.createInterface(),
    handlers: {
      ResearchOptedIn: typedEventHandler<ResearchOptedInEvent.OutputObject>((args, at) =>
        recordOptedIn(
          { patient: getAddress(args.patient), scope: Number(args.scope), expiresAt: Number(args.expiresAt) },
          at,
        ),
      ),
      ResearchOptedOut: typedEventHandler<ResearchOptedOutEvent.OutputObject>((args, at) =>
        recordOptedOut({ patient: getAddress(args.patient) }, at),
      ),
      ResearchExportAnchored: typedEventHandler<ResearchExportAnchoredEvent.OutputObject>((args, at) =>
        recordExportAnchored(
          {
            exportId: Number(args.exportId),
            exportHash: args.exportHash.toLowerCase(),
            admin: getAddress(args.admin),
            patientCount: Number(args.patientCount),
            k: Number(args.k),
            epsilonMilli: Number(args.epsilonMilli),
          },
          at,
        ),
      ),
    },
    reset: clearResearchReadModels,
  };
}
