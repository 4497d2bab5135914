/**
 * What this component reads from the Appointments contract itself, rather than from the read model: who
 * the parties of an appointment are and its status right now (to authorize notes before the indexer has
 * seen the appointment), the slot length it was booked with, the settlement periods and the chain's time.
 */
import { getAddress, isCallException } from 'ethers';
import type { Appointments } from '@contracts/types';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '@api';

export interface ChainAppointment {
  patient: string;
  doctor: string;
  status: AppointmentStatus;
}

export const statusFromChain = (status: bigint | number): AppointmentStatus => {
  const name = APPOINTMENT_STATUSES[Number(status)];
  if (!name) throw new Error(`Unknown appointment status ${status} on chain`);
  return name;
};

/** Appointment `id` as the chain has it now, or null for an id it does not know. */
export async function readChainAppointment(appointments: Appointments, id: bigint): Promise<ChainAppointment | null> {
  try {
    const appointment = await appointments.getAppointment(id);
    return {
      patient: getAddress(appointment.patient),
      doctor: getAddress(appointment.doctor),
      status: statusFromChain(appointment.status),
    };
  } catch (error) {
    if (isCallException(error) && error.revert?.name === 'AppointmentsUnknownAppointment') return null;
    throw error;
  }
}

/**
 * The slot length appointment `id` was booked with, read at `blockNumber` (the block of its request):
 * AppointmentRequested does not carry it. Reading at that block, not the head, gives a rebuild the very
 * same value whatever happened since (the length never changes after a request anyway).
 */
export async function readBookedDuration(appointments: Appointments, id: bigint, blockNumber: number): Promise<number> {
  const appointment = await appointments.getAppointment(id, { blockTag: blockNumber });
  return Number(appointment.duration);
}

export interface SettlementPeriods {
  /** Seconds after a slot's end during which its doctor may close it. */
  closingGracePeriod: number;
  /** Seconds after a no-show during which the patient may dispute it. */
  disputePeriod: number;
}

export async function readSettlementPeriods(appointments: Appointments): Promise<SettlementPeriods> {
  const [closingGracePeriod, disputePeriod] = await Promise.all([
    appointments.closingGracePeriod(),
    appointments.disputePeriod(),
  ]);
  return { closingGracePeriod: Number(closingGracePeriod), disputePeriod: Number(disputePeriod) };
}

/** The latest block's time: "upcoming" and "past" are measured against it, never the server's clock. */
export async function readChainTime(appointments: Appointments): Promise<Date> {
  const latest = await appointments.runner!.provider!.getBlock('latest');
  if (!latest) throw new Error('The chain has no latest block');
  return new Date(latest.timestamp * 1000);
}
