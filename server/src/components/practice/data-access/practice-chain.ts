/**
 * What the practice routes read from the chain, the source of truth for roles, terms and appointments.
 * A request's reads are pinned to one block (the latest when it starts), so the chain's time, the
 * doctor's terms and the held appointments all describe the same moment.
 */
import type { Appointments, Registry } from '@contracts/types';
import { doctorStatusFromChain, type DoctorStatus } from '../../../libraries/chain';

export interface PracticeContracts {
  registry: Registry;
  appointments: Appointments;
}

export interface CallerRoles {
  isAdmin: boolean;
  isPatient: boolean;
}

/** Appointments.doctorTerms: null until the doctor publishes terms (slot length 0). */
export interface DoctorTerms {
  feeWei: string;
  /** Seconds. */
  slotLength: number;
}

/** The chain at one block. */
export interface ChainMoment {
  blockNumber: number;
  /** The block's timestamp, in seconds. */
  time: number;
}

export async function latestMoment(contracts: PracticeContracts): Promise<ChainMoment> {
  const block = await contracts.registry.runner!.provider!.getBlock('latest');
  if (!block) throw new Error('The chain answered no latest block');
  return { blockNumber: block.number, time: block.timestamp };
}

export async function callerRoles(contracts: PracticeContracts, caller: string): Promise<CallerRoles> {
  const [isAdmin, isPatient] = await Promise.all([
    contracts.registry.isAdmin(caller),
    contracts.registry.isPatient(caller),
  ]);
  return { isAdmin, isPatient };
}

export async function isVerifiedDoctor(contracts: PracticeContracts, account: string): Promise<boolean> {
  return contracts.registry.isVerifiedDoctor(account);
}

export async function doctorStatusOf(
  contracts: PracticeContracts,
  doctor: string,
  at?: ChainMoment,
): Promise<DoctorStatus> {
  return doctorStatusFromChain(await contracts.registry.doctorStatus(doctor, { blockTag: at?.blockNumber }));
}

export async function doctorTerms(
  contracts: PracticeContracts,
  doctor: string,
  at?: ChainMoment,
): Promise<DoctorTerms | null> {
  const [fee, slotLength] = await contracts.appointments.doctorTerms(doctor, { blockTag: at?.blockNumber });
  return slotLength === 0n ? null : { feeWei: fee.toString(), slotLength: Number(slotLength) };
}

/**
 * The times held by the doctor's requested and accepted appointments overlapping [from, to) (seconds),
 * read straight from the contract (at most Appointments.MAX_QUERY_RANGE, 31 days, per call).
 */
export async function heldTimes(
  contracts: PracticeContracts,
  doctor: string,
  range: { from: number; to: number },
  at: ChainMoment,
): Promise<{ start: number; end: number }[]> {
  const held = await contracts.appointments.activeAppointmentsBetween(doctor, range.from, range.to, {
    blockTag: at.blockNumber,
  });
  return held.map((appointment) => ({
    start: Number(appointment.slot),
    end: Number(appointment.slot + appointment.duration),
  }));
}
