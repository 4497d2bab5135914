/**
 * Registry events → doctors and patients read models.
 */
import { getAddress } from 'ethers';
import { Registry__factory } from '@contracts/types';
import type { Deployment } from '../../../libraries/chain';
import { clearDoctorReadModel, recordDoctorRegistered, recordDoctorRevoked, recordDoctorVerified } from '../../doctors';
import { clearPatientReadModel, recordPatientRegistered } from '../../patients';
import type { EventSource } from './event-source';

export function registrySource(deployment: Deployment): EventSource {
  return {
    name: 'Registry',
    address: getAddress(deployment.address),
    fromBlock: deployment.blockNumber,
    contractInterface: Registry__factory.createInterface(),
    handlers: {
      DoctorRegistered: (args, at) =>
        recordDoctorRegistered(
          { doctor: getAddress(args.doctor), registeredBy: getAddress(args.registeredBy), licenceHash: args.licenceHash, speciality: Number(args.speciality) },
          at,
        ),
      DoctorVerified: (args, at) => recordDoctorVerified({ doctor: getAddress(args.doctor), admin: getAddress(args.admin) }, at),
      DoctorRevoked: (args, at) =>
        recordDoctorRevoked({ doctor: getAddress(args.doctor), admin: getAddress(args.admin), reason: Number(args.reason) }, at),
      PatientRegistered: (args, at) => recordPatientRegistered({ patient: getAddress(args.patient) }, at),
    },
    reset: async () => {
      await Promise.all([clearDoctorReadModel(), clearPatientReadModel()]);
    },
  };
}
