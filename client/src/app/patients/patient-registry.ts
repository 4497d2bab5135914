/** Patient writes on the Registry contract, sent from the patient's own wallet. */
import { Injectable, inject } from '@angular/core';
import { Registry__factory } from '@contracts/types';
import { ChainContracts } from '../chain/contracts';
import { TransactionRunner } from '../chain/transaction-runner';

@Injectable({ providedIn: 'root' })
export class PatientRegistry {
  private readonly contracts = inject(ChainContracts);
  private readonly runner = inject(TransactionRunner);
  private readonly registry = () => this.contracts.connect('Registry', Registry__factory);

  /** Registers the signed-in account as a patient; true once mined. */
  register(): Promise<boolean> {
    return this.runner.sendAs(
      'Registered as a patient',
      () => this.registry(),
      (registry) => registry.registerPatient,
    );
  }
}
