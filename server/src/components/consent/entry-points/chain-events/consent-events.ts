/**
 * Consent events → the consent read model: the indexer's way into this component, as the routes are
 * HTTP's. AppointmentsBound and AppointmentWindowChanged name no pair and are skipped.
 */
import { getAddress } from 'ethers';
import { Consent__factory } from '@contracts/types';
import type { AccessGrantedEvent, AccessRevokedEvent, AppointmentAccessUpdatedEvent } from '@contracts/types/Consent';
import { typedEventHandler, type Deployment, type EventSource } from '../../../../libraries/chain';
import {
  clearConsentReadModel,
  recordAccessGranted,
  recordAccessRevoked,
  recordAppointmentAccessUpdated,
} from '../../domain/consent-events';

export function consentEvents(deployment: Deployment): EventSource {
  return {
    name: 'Consent',
    address: getAddress(deployment.address),
    fromBlock: deployment.blockNumber,
    contractInterface: Consent__factory.createInterface(),
    handlers: {
      AccessGranted: typedEventHandler<AccessGrantedEvent.OutputObject>((args, at) =>
        recordAccessGranted(
          { patient: getAddress(args.patient), doctor: getAddress(args.doctor), expiresAt: BigInt(args.expiresAt) },
          at,
        ),
      ),
      AccessRevoked: typedEventHandler<AccessRevokedEvent.OutputObject>((args, at) =>
        recordAccessRevoked({ patient: getAddress(args.patient), doctor: getAddress(args.doctor) }, at),
      ),
      AppointmentAccessUpdated: typedEventHandler<AppointmentAccessUpdatedEvent.OutputObject>((args, at) =>
        recordAppointmentAccessUpdated(
          { patient: getAddress(args.patient), doctor: getAddress(args.doctor), expiresAt: BigInt(args.expiresAt) },
          at,
        ),
      ),
    },
    reset: clearConsentReadModel,
  };
}
