/** Consent writes on the Consent contract, sent from the patient's own wallet. */
import { Injectable, inject } from '@angular/core';
import { Consent__factory } from '@contracts/types';
import { shortAddress } from '../auth/account';
import { ChainContracts } from '../chain/contracts';
import { TransactionRunner } from '../chain/transaction-runner';

@Injectable({ providedIn: 'root' })
export class ConsentContract {
  private readonly contracts = inject(ChainContracts);
  private readonly runner = inject(TransactionRunner);
  private readonly consent = () => this.contracts.connect('Consent', Consent__factory);

  /** Lets `doctor` read and write the signed-in patient's records until `expiresAt` (unix seconds); true once mined. */
  grant(doctor: string, expiresAt: bigint): Promise<boolean> {
    return this.runner.sendAs(
      `Granted Dr ${shortAddress(doctor)} access`,
      () => this.consent(),
      (consent) => consent.grantAccess,
      doctor,
      expiresAt,
    );
  }

  /** Ends every access `doctor` has to the signed-in patient's records, appointments included; true once mined. */
  revoke(doctor: string): Promise<boolean> {
    return this.runner.sendAs(
      `Revoked Dr ${shortAddress(doctor)}'s access`,
      () => this.consent(),
      (consent) => consent.revokeAccess,
      doctor,
    );
  }
}
