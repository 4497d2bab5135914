/**
 * Runs one contract write and reports where it is, in words the status region reads out:
 * "Waiting for wallet…" → "Transaction sent…" → "Confirmed", or why it failed. Each sent transaction
 * is also reported to the API's Transaction Records with what the person did, so it shows there while
 * pending and if it reverts (a reverted transaction leaves no event for the indexer).
 */
import { Injectable, computed, inject, signal } from '@angular/core';
import type { BaseContract } from 'ethers';
import type { ContractMethodArgs, TypedContractMethod } from '@contracts/types/common';
import { TransactionsApi } from '../transactions/transactions-api';
import { describeTransactionError } from './contract-errors';
import { messageOf } from './eip1193';

/** Ganache's gas estimation can hang under load; every write states its own limit. */
export const WRITE_GAS_LIMIT = 500_000n;

export type TransactionPhase = 'idle' | 'waiting' | 'sent' | 'confirmed' | 'failed';

export interface TransactionProgress {
  phase: TransactionPhase;
  message: string;
}

export const TransactionMessages = {
  waiting: 'Waiting for wallet…',
  sent: 'Transaction sent…',
  confirmed: 'Confirmed',
} as const;

@Injectable({ providedIn: 'root' })
export class TransactionRunner {
  private readonly statusSignal = signal<TransactionProgress>({ phase: 'idle', message: '' });
  private readonly records = inject(TransactionsApi);

  readonly status = this.statusSignal.asReadonly();
  readonly busy = computed(() => ['waiting', 'sent'].includes(this.statusSignal().phase));

  /**
   * Sends `method(...args)` of the contract `connect` gives, from the wallet: first as a dry run
   * (eth_call), so a revert is decoded before the wallet is even asked, then for real with a fixed gas
   * limit. True once mined; false after the status region has said why not.
   */
  send<C extends BaseContract, A extends unknown[]>(
    connect: () => Promise<C>,
    method: (contract: C) => TypedContractMethod<A, unknown, 'nonpayable'>,
    ...args: A
  ): Promise<boolean> {
    return this.sendAs(undefined, connect, method, ...args);
  }

  /**
   * `send`, with what the person is doing in words ("Verified Dr Ada Lovelace") for their Transaction
   * Records; the records show the chain's own wording once the transaction's events are indexed.
   */
  async sendAs<C extends BaseContract, A extends unknown[]>(
    action: string | undefined,
    connect: () => Promise<C>,
    method: (contract: C) => TypedContractMethod<A, unknown, 'nonpayable'>,
    ...args: A
  ): Promise<boolean> {
    this.report('waiting', TransactionMessages.waiting);
    let contract: C;
    try {
      contract = await connect();
    } catch (error) {
      this.report('failed', messageOf(error));
      return false;
    }
    try {
      const call = method(contract);
      await call.staticCall(...(args as ContractMethodArgs<A, 'view'>));
      const sent = await call(...([...args, { gasLimit: WRITE_GAS_LIMIT }] as ContractMethodArgs<A, 'nonpayable'>));
      this.report('sent', TransactionMessages.sent);
      this.record(sent.hash, action);
      const receipt = await sent.wait();
      if (receipt?.status !== 1) throw new Error('The transaction was reverted.');
      this.report('confirmed', TransactionMessages.confirmed);
      return true;
    } catch (error) {
      this.report('failed', describeTransactionError(error, contract.interface));
      return false;
    }
  }

  private report(phase: TransactionPhase, message: string): void {
    this.statusSignal.set({ phase, message });
  }

  /** Best effort and not awaited: the transaction is on its way whether or not the records hear of it. */
  private record(hash: string, action: string | undefined): void {
    this.records.report({ hash, ...(action && { action }) }).catch(() => undefined);
  }
}
