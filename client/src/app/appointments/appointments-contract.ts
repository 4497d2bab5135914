/**
 * Appointments writes, each signed by the connected wallet through the TransactionRunner (dry run, wallet,
 * receipt, Transaction Records). The patient's, the doctor's and the admin's writes live together because
 * they are one contract's status machine; the UI offers each only to whom the contract allows it.
 */
import { Injectable, inject } from '@angular/core';
import { Appointments__factory, type Appointments } from '@contracts/types';
import type { TypedContractMethod } from '@contracts/types/common';
import type { TransactionReceipt } from 'ethers';
import { ChainContracts } from '../chain/contracts';
import { TransactionRunner } from '../chain/transaction-runner';

@Injectable({ providedIn: 'root' })
export class AppointmentsContract {
  private readonly contracts = inject(ChainContracts);
  private readonly runner = inject(TransactionRunner);
  private readonly appointments = () => this.contracts.connect('Appointments', Appointments__factory);

  /**
   * The signed-in patient books `doctor` at `slot` (unix seconds), paying `fee` wei into escrow, with the CID
   * of the encrypted reason note ('' for none). Answers the new appointment's id once mined, null after the
   * status region has said why not.
   */
  async request(
    doctor: { address: string; name: string },
    slot: bigint,
    fee: bigint,
    reasonCid: string,
  ): Promise<bigint | null> {
    const receipt = await this.runner.execute(
      { action: `Booked an appointment with ${doctor.name}`, value: fee },
      () => this.appointments(),
      (appointments) => appointments.requestAppointment,
      doctor.address,
      slot,
      reasonCid,
    );
    return receipt ? this.requestedId(receipt) : null;
  }

  /** The patient moves an appointment, before its slot, to another free time; the fee stays in escrow. */
  reschedule(id: bigint, newSlot: bigint): Promise<boolean> {
    return this.write(`Moved appointment #${id}`, (a) => a.reschedule, id, newSlot);
  }

  /** The patient cancels (or the doctor cancels an accepted one before its slot); the fee goes back to the patient. */
  cancel(id: bigint): Promise<boolean> {
    return this.write(`Cancelled appointment #${id}`, (a) => a.cancel, id);
  }

  /** The patient takes the fee back from an appointment its doctor did not close in time. */
  reclaimFee(id: bigint): Promise<boolean> {
    return this.write(`Reclaimed the fee of appointment #${id}`, (a) => a.reclaimFee, id);
  }

  /** The patient disputes a no-show within the dispute period. */
  disputeNoShow(id: bigint): Promise<boolean> {
    return this.write(`Disputed the no-show of appointment #${id}`, (a) => a.disputeNoShow, id);
  }

  /** The doctor publishes their fee (wei) and slot length (seconds). */
  setTerms(fee: bigint, slotLength: number): Promise<boolean> {
    return this.write('Set my fee and slot length', (a) => a.setTerms, fee, slotLength);
  }

  accept(id: bigint): Promise<boolean> {
    return this.write(`Accepted appointment #${id}`, (a) => a.accept, id);
  }

  reject(id: bigint): Promise<boolean> {
    return this.write(`Rejected appointment #${id}`, (a) => a.reject, id);
  }

  complete(id: bigint): Promise<boolean> {
    return this.write(`Completed appointment #${id}`, (a) => a.complete, id);
  }

  markNoShow(id: bigint): Promise<boolean> {
    return this.write(`Marked appointment #${id} as a no-show`, (a) => a.markNoShow, id);
  }

  /** The doctor takes the held fee of an undisputed no-show after the dispute period. */
  claimNoShowFee(id: bigint): Promise<boolean> {
    return this.write(`Claimed the fee of no-show #${id}`, (a) => a.claimNoShowFee, id);
  }

  /** An admin settles a disputed no-show: the fee back to the patient, or to the doctor. */
  settleDispute(id: bigint, refundPatient: boolean): Promise<boolean> {
    const outcome = refundPatient ? 'refunded the patient' : 'paid the doctor';
    return this.write(
      `Settled the dispute of appointment #${id}: ${outcome}`,
      (a) => a.settleDispute,
      id,
      refundPatient,
    );
  }

  /** Sends the signed-in account everything released to it (fees earned or refunds). */
  withdraw(): Promise<boolean> {
    return this.write('Withdrew payments', (a) => a.withdraw);
  }

  /** Wei `account` can withdraw now, read from the chain. */
  async pendingWithdrawal(account: string): Promise<bigint> {
    return (await this.appointments()).pendingWithdrawal(account);
  }

  private write<A extends unknown[]>(
    action: string,
    method: (contract: Appointments) => TypedContractMethod<A, unknown, 'nonpayable'>,
    ...args: A
  ): Promise<boolean> {
    return this.runner.sendAs(action, () => this.appointments(), method, ...args);
  }

  private requestedId(receipt: TransactionReceipt): bigint | null {
    const iface = Appointments__factory.createInterface();
    for (const log of receipt.logs) {
      const parsed = iface.parseLog(log);
      if (parsed?.name === 'AppointmentRequested') return parsed.args['id'] as bigint;
    }
    return null;
  }
}
