/**
 * EmergencyAccess events → this component's read models: the indexer's way in, as the routes are HTTP's.
 * EmergencyWindowChanged changes no read model (the window is read from the chain when needed).
 */
import { getAddress } from 'ethers';
import { EmergencyAccess__factory } from '@contracts/types';
import type {
  EmergencyAccessEndedEvent,
  EmergencyAccessOpenedEvent,
  EmergencyKeyChangedEvent,
  EmergencySharingChangedEvent,
} from '@contracts/types/EmergencyAccess';
import { typedEventHandler, type Deployment, type EventSource } from '../../../../libraries/chain';
import {
  clearEmergencyReadModel,
  recordEmergencyAccessEnded,
  recordEmergencyAccessOpened,
  recordEmergencyKeyChanged,
  recordEmergencySharingChanged,
} from '../../domain/emergency-events';

export function emergencyEvents(deployment: Deployment): EventSource {
  return {
    name: 'EmergencyAccess',
    address: getAddress(deployment.address),
    fromBlock: deployment.blockNumber,
    contractInterface: EmergencyAccess__factory.createInterface(),
    handlers: {
      EmergencyAccessOpened: typedEventHandler<EmergencyAccessOpenedEvent.OutputObject>((args, at) =>
        recordEmergencyAccessOpened(
          {
            patient: getAddress(args.patient),
            doctor: getAddress(args.doctor),
            commitment: args.justificationCommitment,
            expiresAt: BigInt(args.expiresAt),
            doctorUseCount: BigInt(args.doctorUseCount),
          },
          at,
        ),
      ),
      EmergencyAccessEnded: typedEventHandler<EmergencyAccessEndedEvent.OutputObject>((args, at) =>
        recordEmergencyAccessEnded(
          { patient: getAddress(args.patient), doctor: getAddress(args.doctor), by: getAddress(args.by) },
          at,
        ),
      ),
      EmergencySharingChanged: typedEventHandler<EmergencySharingChangedEvent.OutputObject>((args, at) =>
        recordEmergencySharingChanged({ patient: getAddress(args.patient), enabled: Boolean(args.enabled) }, at),
      ),
      EmergencyKeyChanged: typedEventHandler<EmergencyKeyChangedEvent.OutputObject>((args, at) =>
        recordEmergencyKeyChanged({ admin: getAddress(args.admin), publicKey: args.publicKey }, at),
      ),
    },
    reset: clearEmergencyReadModel,
  };
}
