/**
 * Runs one contract write and reports where it is, in words the status region reads out:
 * "Waiting for wallet…" → "Transaction sent…" → "Confirmed", or why it failed. Each sent transaction
 * is also reported to the API's Transaction Records with what the person did, so it shows there while
 * pending and if it reverts (a reverted transaction leaves no event for the indexer).
 */
import { Injectable, computed, inject, signal } from '@angular/core';
import type { BaseContract, TransactionReceipt } from 'ethers';
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
  /** The transaction's hash once the wallet has sent it. */
  hash?: string;
}

/** How one write is sent: the person's action in words for their Transaction Records, and wei to pay with it. */
export interface WriteOptions {
  action?: string;
  value?: bigint;
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
    return (await this.execute({ action }, connect, method, ...args)) !== null;
  }

  /**
   * The general form of `sendAs`: also pays `options.value` wei with the call (a payable method such as
   * requestAppointment) and answers the mined receipt, whose events say what the chain made of it (e.g. the
   * new appointment's id); null after the status region has said why not.
   */
  async execute<C extends BaseContract, A extends unknown[]>(
    options: WriteOptions,
    connect: () => Promise<C>,
    method: (contract: C) => TypedContractMethod<A, unknown, 'nonpayable' | 'payable'>,
    ...args: A
  ): Promise<TransactionReceipt | null> {
    this.report('waiting', TransactionMessages.waiting);
    let contract: C;
    try {
      contract = await connect();
    } catch (error) {
      this.report('failed', messageOf(error));
      return null;
    }
    const overrides = { ...(options.value !== undefined && { value: options.value }) };
    try {
      const call = method(contract);
      await call.staticCall(...([...args, overrides] as ContractMethodArgs<A, 'view'>));
      const sent = await call(
        ...([...args, { ...overrides, gasLimit: WRITE_GAS_LIMIT }] as ContractMethodArgs<A, 'nonpayable'>),
      );
      this.report('sent', TransactionMessages.sent, sent.hash);
      this.record(sent.hash, options.action);
      const receipt = await sent.wait();
      if (receipt?.status !== 1) throw new Error('The transaction was reverted.');
      this.report('confirmed', TransactionMessages.confirmed, sent.hash);
      return receipt;
    } catch (error) {
      this.report('failed', describeTransactionError(error, contract.interface), this.statusSignal().hash);
      return null;
    }
  }

  private report(phase: TransactionPhase, message: string, hash?: string): void {
    this.statusSignal.set({ phase, message, ...(hash && { hash }) });
  }

  /** Best effort and not awaited: the transaction is on its way whether or not the records hear of it. */
  private record(hash: string, action: string | undefined): void {
    this.records.report({ hash, ...(action && { action }) }).catch(() => undefined);
  }
}
