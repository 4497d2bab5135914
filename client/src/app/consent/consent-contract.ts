/** Consent writes on the Consent contract, sent from the patient's own wallet. */
import { Injectable, inject } from '@angular/core';
import { ChainContracts } from '../chain/contracts';
import { TransactionRunner } from '../chain/transaction-runner';

@Injectable({ providedIn: 'root' })
export class ConsentContract {
  private readonly contracts = inject(ChainContracts);
  private readonly runner = inject(TransactionRunner);

  /** Lets `doctor` read and write the signed-in patient's records until `expiresAt` (unix seconds); true once mined. */
  async grant(doctor: string, expiresAt: bigint): Promise<boolean> {
    const receipt = await this.runner.run(
      () => this.contracts.consent(),
      (consent) => ({
        check: () => consent.grantAccess.staticCall(doctor, expiresAt),
        send: (overrides) => consent.grantAccess(doctor, expiresAt, overrides),
      }),
    );
    return receipt !== null;
  }

  /** Ends every access `doctor` has to the signed-in patient's records, appointments included; true once mined. */
  async revoke(doctor: string): Promise<boolean> {
    const receipt = await this.runner.run(
      () => this.contracts.consent(),
      (consent) => ({
        check: () => consent.revokeAccess.staticCall(doctor),
        send: (overrides) => consent.revokeAccess(doctor, overrides),
      }),
    );
    return receipt !== null;
  }
}
