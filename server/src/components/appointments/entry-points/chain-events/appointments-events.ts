/**
 * Appointments events → the appointments read model: the indexer's way into this component, as the routes
 * are HTTP's. The request's slot length is not in its event: it is read from the chain at the request's
 * block (data-access/chain-appointments.ts). Withdrawn and DoctorTermsSet name no appointment: skipped.
 */
import { getAddress, type JsonRpcProvider } from 'ethers';
import { Appointments__factory } from '@contracts/types';
import type {
  AppointmentRequestedEvent,
  AppointmentRescheduledEvent,
  AppointmentStatusChangedEvent,
  PaymentReleasedEvent,
} from '@contracts/types/Appointments';
import { typedEventHandler, type Deployment, type EventSource } from '../../../../libraries/chain';
import { readBookedDuration, statusFromChain } from '../../data-access/chain-appointments';
import {
  clearAppointmentReadModel,
  recordAppointmentRequested,
  recordAppointmentRescheduled,
  recordAppointmentStatusChanged,
  recordPaymentReleased,
} from '../../domain/appointment-events';

export function appointmentsEvents(deployment: Deployment, provider: JsonRpcProvider): EventSource {
  const contract = Appointments__factory.connect(deployment.address, provider);
  return {
    name: 'Appointments→appointments',
    address: getAddress(deployment.address),
    fromBlock: deployment.blockNumber,
    contractInterface: Appointments__factory.createInterface(),
    handlers: {
      AppointmentRequested: typedEventHandler<AppointmentRequestedEvent.OutputObject>(async (args, at) =>
        recordAppointmentRequested(
          {
            id: args.id,
            patient: getAddress(args.patient),
            doctor: getAddress(args.doctor),
            slot: args.slot,
            fee: args.fee,
            reasonCid: args.reasonCid,
            duration: await readBookedDuration(contract, args.id, at.blockNumber),
          },
          at,
        ),
      ),
      AppointmentStatusChanged: typedEventHandler<AppointmentStatusChangedEvent.OutputObject>((args, at) => {
        const status = statusFromChain(args.status);
        if (status === 'none') throw new Error(`Appointment ${args.id} changed to status None`);
        return recordAppointmentStatusChanged(
          { id: args.id, doctor: getAddress(args.doctor), status, by: getAddress(args.by) },
          at,
        );
      }),
      AppointmentRescheduled: typedEventHandler<AppointmentRescheduledEvent.OutputObject>((args, at) =>
        recordAppointmentRescheduled(
          { id: args.id, patient: getAddress(args.patient), previousSlot: args.previousSlot, slot: args.slot },
          at,
        ),
      ),
      PaymentReleased: typedEventHandler<PaymentReleasedEvent.OutputObject>((args, at) =>
        recordPaymentReleased({ id: args.id, payee: getAddress(args.payee), amount: args.amount }, at),
      ),
    },
    reset: clearAppointmentReadModel,
  };
}
