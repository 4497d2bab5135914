/** Doctor lifecycle writes on the Registry contract, sent from the signed-in person's wallet. */
import { Injectable, inject } from '@angular/core';
import { ChainContracts } from '../chain/contracts';
import { TransactionRunner } from '../chain/transaction-runner';

@Injectable({ providedIn: 'root' })
export class DoctorRegistry {
  private readonly contracts = inject(ChainContracts);
  private readonly runner = inject(TransactionRunner);

  /**
   * Registers the signed-in account as a pending doctor; true once mined. The chain gets only the
   * salted licence hash (see licence-commitment.ts), never the number.
   */
  register(licenceHash: string, speciality: number): Promise<boolean> {
    return this.runner.send(() => this.contracts.registry(), (registry) => registry.registerDoctor, licenceHash, speciality);
  }

  verify(doctor: string): Promise<boolean> {
    return this.runner.send(() => this.contracts.registry(), (registry) => registry.verifyDoctor, doctor);
  }

  revoke(doctor: string, reason: number): Promise<boolean> {
    return this.runner.send(() => this.contracts.registry(), (registry) => registry.revokeDoctor, doctor, reason);
  }
}
