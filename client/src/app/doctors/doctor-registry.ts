/** Doctor lifecycle writes on the Registry contract, sent from the signed-in person's wallet. */
import { Injectable, inject } from '@angular/core';
import { Registry__factory } from '@contracts/types';
import { shortAddress } from '../auth/account';
import { ChainContracts } from '../chain/contracts';
import { TransactionRunner } from '../chain/transaction-runner';

@Injectable({ providedIn: 'root' })
export class DoctorRegistry {
  private readonly contracts = inject(ChainContracts);
  private readonly runner = inject(TransactionRunner);
  private readonly registry = () => this.contracts.connect('Registry', Registry__factory);

  /**
   * Registers the signed-in account as a pending doctor; true once mined. The chain gets only the
   * salted licence hash (see licence-commitment.ts), never the number.
   */
  register(licenceHash: string, speciality: number): Promise<boolean> {
    return this.runner.sendAs(
      'Registered as a doctor',
      () => this.registry(),
      (registry) => registry.registerDoctor,
      licenceHash,
      speciality,
    );
  }

  /** Add Doctor: an admin registers `doctor` (pending until verified) from the admin's own wallet. */
  registerFor(doctor: string, licenceHash: string, speciality: number): Promise<boolean> {
    return this.runner.send(
      () => this.registry(),
      (registry) => registry.registerDoctorFor,
      doctor,
      licenceHash,
      speciality,
    );
  }

  verify(doctor: string): Promise<boolean> {
    return this.runner.sendAs(
      `Verified Dr ${shortAddress(doctor)}`,
      () => this.registry(),
      (registry) => registry.verifyDoctor,
      doctor,
    );
  }

  revoke(doctor: string, reason: number): Promise<boolean> {
    return this.runner.sendAs(
      `Revoked Dr ${shortAddress(doctor)}`,
      () => this.registry(),
      (registry) => registry.revokeDoctor,
      doctor,
      reason,
    );
  }
}
