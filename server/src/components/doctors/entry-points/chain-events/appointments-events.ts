/**
 * Appointments' DoctorTermsSet → the doctors read model, so the directory shows each doctor's fee and slot
 * length. The indexer applies this source's logs in chain order with the Registry's, and the handler is
 * idempotent (domain/doctor-events.ts).
 */
import { getAddress } from 'ethers';
import { Appointments__factory } from '@contracts/types';
import type { DoctorTermsSetEvent } from '@contracts/types/Appointments';
import { typedEventHandler, type Deployment, type EventSource } from '../../../../libraries/chain';
import { clearDoctorReadModel, recordDoctorTermsSet } from '../../domain/doctor-events';

export function doctorTermsEvents(appointments: Deployment): EventSource {
  return {
    name: 'Appointments→doctors',
    address: getAddress(appointments.address),
    fromBlock: appointments.blockNumber,
    contractInterface: Appointments__factory.createInterface(),
    handlers: {
      DoctorTermsSet: typedEventHandler<DoctorTermsSetEvent.OutputObject>((args, at) =>
        recordDoctorTermsSet(
          { doctor: getAddress(args.doctor), feeWei: args.fee.toString(), slotLength: Number(args.slotLength) },
          at,
        ),
      ),
    },
    // The terms live in the doctors' documents, which a rebuild empties and replays from both contracts.
    reset: clearDoctorReadModel,
  };
}
