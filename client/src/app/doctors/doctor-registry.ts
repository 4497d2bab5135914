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
  async register(licence: string, speciality: number): Promise<boolean> {
    const licenceHash = licenceHashOf(licence);
    const receipt = await this.runner.run(
      () => this.contracts.registry(),
      (registry) => ({
        check: () => registry.registerDoctor.staticCall(licenceHash, speciality),
        send: (overrides) => registry.registerDoctor(licenceHash, speciality, overrides),
      }),
    );
    return receipt !== null;
  }

  async verify(doctor: string): Promise<boolean> {
    const receipt = await this.runner.run(
      () => this.contracts.registry(),
      (registry) => ({
        check: () => registry.verifyDoctor.staticCall(doctor),
        send: (overrides) => registry.verifyDoctor(doctor, overrides),
      }),
    );
    return receipt !== null;
  }

  async revoke(doctor: string, reason: number): Promise<boolean> {
    const receipt = await this.runner.run(
      () => this.contracts.registry(),
      (registry) => ({
        check: () => registry.revokeDoctor.staticCall(doctor, reason),
        send: (overrides) => registry.revokeDoctor(doctor, reason, overrides),
      }),
    );
    return receipt !== null;
  }
}
