/** Doctor lifecycle writes on the Registry contract, sent from the signed-in person's wallet. */
import { Injectable, inject } from '@angular/core';
import { keccak256, toUtf8Bytes } from 'ethers';
import { ChainContracts } from '../chain/contracts';
import { TransactionRunner } from '../chain/transaction-runner';

/** The chain stores only the licence number's hash, never the number itself. */
export function licenceHashOf(licence: string): string {
  return keccak256(toUtf8Bytes(licence.trim()));
}

@Injectable({ providedIn: 'root' })
export class DoctorRegistry {
  private readonly contracts = inject(ChainContracts);
  private readonly runner = inject(TransactionRunner);

  /** Registers the signed-in account as a pending doctor; true once mined. */
  register(licence: string, speciality: number): Promise<boolean> {
    return this.runner.send(() => this.contracts.registry(), (registry) => registry.registerDoctor, licenceHashOf(licence), speciality);
  }

  verify(doctor: string): Promise<boolean> {
    return this.runner.send(() => this.contracts.registry(), (registry) => registry.verifyDoctor, doctor);
  }

  revoke(doctor: string, reason: number): Promise<boolean> {
    return this.runner.send(() => this.contracts.registry(), (registry) => registry.revokeDoctor, doctor, reason);
  }
}
