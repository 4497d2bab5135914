/** Admin writes on the Registry contract, sent from the signed-in admin's wallet. */
import { Injectable, inject } from '@angular/core';
import { Registry__factory } from '@contracts/types';
import { ChainContracts } from '../chain/contracts';
import { TransactionRunner } from '../chain/transaction-runner';

@Injectable({ providedIn: 'root' })
export class AdminRegistry {
  private readonly contracts = inject(ChainContracts);
  private readonly runner = inject(TransactionRunner);
  private readonly registry = () => this.contracts.connect('Registry', Registry__factory);

  /** Makes `account` an admin; true once mined. */
  add(account: string): Promise<boolean> {
    return this.runner.send(
      () => this.registry(),
      (registry) => registry.addAdmin,
      account,
    );
  }

  /** Removes `account` from the admins; the contract refuses the last one (RegistryLastAdmin). */
  remove(account: string): Promise<boolean> {
    return this.runner.send(
      () => this.registry(),
      (registry) => registry.removeAdmin,
      account,
    );
  }
}
