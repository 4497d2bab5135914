/**
 * Runs one contract write and reports where it is, in words the status region reads out:
 * "Waiting for wallet…" → "Transaction sent…" → "Confirmed", or why it failed.
 */
import { Injectable, computed, signal } from '@angular/core';
import type { BaseContract, ContractTransactionResponse, Overrides, TransactionReceipt } from 'ethers';
import { describeTransactionError } from './contract-errors';
import { messageOf } from './eip1193';

/** Ganache's gas estimation can hang under load; every write states its own limit. */
export const WRITE_GAS_LIMIT = 500_000n;

export type TransactionPhase = 'idle' | 'waiting' | 'sent' | 'confirmed' | 'failed';

export interface TransactionProgress {
  phase: TransactionPhase;
  message: string;
}

export interface ContractWrite {
  /** Dry run as eth_call: a revert is decoded before the wallet is even asked. */
  check(): Promise<unknown>;
  send(overrides: Overrides): Promise<ContractTransactionResponse>;
}

export const TransactionMessages = {
  waiting: 'Waiting for wallet…',
  sent: 'Transaction sent…',
  confirmed: 'Confirmed',
} as const;

@Injectable({ providedIn: 'root' })
export class TransactionRunner {
  private readonly statusSignal = signal<TransactionProgress>({ phase: 'idle', message: '' });

  readonly status = this.statusSignal.asReadonly();
  readonly busy = computed(() => ['waiting', 'sent'].includes(this.statusSignal().phase));

  /** Resolves to the receipt once mined, or null after showing why it failed. */
  async run<C extends BaseContract>(
    connect: () => Promise<C>,
    write: (contract: C) => ContractWrite,
  ): Promise<TransactionReceipt | null> {
    this.report('waiting', TransactionMessages.waiting);
    let contract: C;
    try {
      contract = await connect();
    } catch (error) {
      this.report('failed', messageOf(error));
      return null;
    }
    try {
      const steps = write(contract);
      await steps.check();
      const sent = await steps.send({ gasLimit: WRITE_GAS_LIMIT });
      this.report('sent', TransactionMessages.sent);
      const receipt = await sent.wait();
      if (receipt?.status !== 1) throw new Error('The transaction was reverted.');
      this.report('confirmed', TransactionMessages.confirmed);
      return receipt;
    } catch (error) {
      this.report('failed', describeTransactionError(error, contract.interface));
      return null;
    }
  }

  private report(phase: TransactionPhase, message: string): void {
    this.statusSignal.set({ phase, message });
  }
}
