/**
 * Registry events → the doctors read model. The indexer hands this source every Registry log in
 * chain order (components/indexer); the handlers are idempotent (domain/doctor-events.ts).
 */
import { getAddress } from 'ethers';
import { Registry__factory } from '@contracts/types';
import type { DoctorRegisteredEvent, DoctorRevokedEvent, DoctorVerifiedEvent } from '@contracts/types/Registry';
import { typedEventHandler, type Deployment, type EventSource } from '../../../../libraries/chain';
import {
  clearDoctorReadModel,
  recordDoctorRegistered,
  recordDoctorRevoked,
  recordDoctorVerified,
} from '../../domain/doctor-events';

export function doctorRegistryEvents(registry: Deployment): EventSource {
  return {
    name: 'Registry→doctors',
    address: getAddress(registry.address),
    fromBlock: registry.blockNumber,
    contractInterface: Registry__factory.createInterface(),
    handlers: {
      DoctorRegistered: typedEventHandler<DoctorRegisteredEvent.OutputObject>((args, at) =>
        recordDoctorRegistered(
          {
            doctor: getAddress(args.doctor),
            registeredBy: getAddress(args.registeredBy),
            licenceHash: args.licenceHash,
            speciality: Number(args.speciality),
          },
          at,
        ),
      ),
      DoctorVerified: typedEventHandler<DoctorVerifiedEvent.OutputObject>((args, at) =>
        recordDoctorVerified({ doctor: getAddress(args.doctor), admin: getAddress(args.admin) }, at),
      ),
      DoctorRevoked: typedEventHandler<DoctorRevokedEvent.OutputObject>((args, at) =>
        recordDoctorRevoked(
          { doctor: getAddress(args.doctor), admin: getAddress(args.admin), reason: Number(args.reason) },
          at,
        ),
      ),
    },
    reset: clearDoctorReadModel,
  };
}
