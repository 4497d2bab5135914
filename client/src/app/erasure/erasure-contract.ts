/** Erasure writes on the Erasure contract: the patient's own erase(), an admin's eraseFor() on a verified request. */
import { Injectable, inject } from '@angular/core';
import type { TransactionReceipt } from 'ethers';
import { Erasure__factory } from '@contracts/types';
import { shortAddress } from '../auth/account';
import { ChainContracts } from '../chain/contracts';
import { TransactionRunner } from '../chain/transaction-runner';

@Injectable({ providedIn: 'root' })
export class ErasureContract {
  private readonly contracts = inject(ChainContracts);
  private readonly runner = inject(TransactionRunner);
  private readonly erasure = () => this.contracts.connect('Erasure', Erasure__factory);

  /** The signed-in patient erases their data; the mined receipt, or null after the status region said why not. */
  erase(): Promise<TransactionReceipt | null> {
    return this.runner.execute(
      { action: 'Erased my data' },
      () => this.erasure(),
      (erasure) => erasure.erase,
    );
  }

  /** An admin erases `patient`'s data on the verified request `commitment` stands for. */
  eraseFor(patient: string, commitment: string): Promise<TransactionReceipt | null> {
    return this.runner.execute(
      { action: `Erased the data of patient ${shortAddress(patient)} on a verified request` },
      () => this.erasure(),
      (erasure) => erasure.eraseFor,
      patient,
      commitment,
    );
  }
}
