/**
 * EmergencyAccess on chain, from the connected wallet: the doctor's breakGlass, anyone's end of a window, the
 * patient's emergency-sharing switch, and the admin's window and clinic key. Writes go through the
 * TransactionRunner (status region, Transaction Records); reads are the contract's own views, so the
 * clinic key a browser encrypts to is the one the chain names, never one the API could substitute.
 */
import { Injectable, inject } from '@angular/core';
import { EmergencyAccess__factory } from '@contracts/types';
import { ZeroHash } from 'ethers';
import { shortAddress } from '../auth/account';
import { ChainContracts } from '../chain/contracts';
import { TransactionRunner } from '../chain/transaction-runner';

/** The contract's bounds on the window (MIN_WINDOW, MAX_WINDOW), in hours. */
export const MIN_WINDOW_HOURS = 1;
export const MAX_WINDOW_HOURS = 72;

@Injectable({ providedIn: 'root' })
export class EmergencyContract {
  private readonly contracts = inject(ChainContracts);
  private readonly runner = inject(TransactionRunner);
  private readonly emergency = () => this.contracts.connect('EmergencyAccess', EmergencyAccess__factory);

  /** The signed-in doctor opens `patient`'s record for the window; true once mined. */
  breakGlass(patient: string, justificationCommitment: string): Promise<boolean> {
    return this.runner.sendAs(
      `Used emergency access to the record of ${shortAddress(patient)}`,
      () => this.emergency(),
      (contract) => contract.breakGlass,
      patient,
      justificationCommitment,
    );
  }

  /** Ends `doctor`'s open emergency access to `patient` (the patient, the doctor or an admin); true once mined. */
  end(patient: string, doctor: string): Promise<boolean> {
    return this.runner.sendAs(
      `Ended Dr ${shortAddress(doctor)}'s emergency access to the record of ${shortAddress(patient)}`,
      () => this.emergency(),
      (contract) => contract.endEmergencyAccess,
      patient,
      doctor,
    );
  }

  /** The signed-in patient lets their documents be wrapped for the clinic's emergency key, or stops it. */
  setSharing(enabled: boolean): Promise<boolean> {
    return this.runner.sendAs(
      enabled ? 'Turned emergency sharing on' : 'Turned emergency sharing off',
      () => this.emergency(),
      (contract) => contract.setEmergencySharing,
      enabled,
    );
  }

  /** An admin sets how long an emergency access lasts, in whole hours within the contract's bounds. */
  setWindowHours(hours: number): Promise<boolean> {
    return this.runner.sendAs(
      `Set the emergency access window to ${hours} h`,
      () => this.emergency(),
      (contract) => contract.setWindow,
      BigInt(hours) * 3600n,
    );
  }

  /** An admin names the clinic's emergency X25519 public key (0x and 64 hex digits). */
  setKey(publicKeyHex: string): Promise<boolean> {
    return this.runner.sendAs(
      'Set the clinic emergency key',
      () => this.emergency(),
      (contract) => contract.setEmergencyKey,
      publicKeyHex,
    );
  }

  /** The clinic's emergency public key as the chain holds it (lowercase hex), or null until an admin sets one. */
  async clinicKey(): Promise<string | null> {
    const key = (await (await this.emergency()).emergencyKey()).toLowerCase();
    return key === ZeroHash ? null : key;
  }

  async sharing(patient: string): Promise<boolean> {
    return (await this.emergency()).emergencySharing(patient);
  }

  /** How long an emergency access lasts, in hours. */
  async windowHours(): Promise<number> {
    return Number(await (await this.emergency()).window()) / 3600;
  }

  /** How many emergency accesses `doctor` has opened in all. */
  async uses(doctor: string): Promise<number> {
    return Number(await (await this.emergency()).emergencyUses(doctor));
  }

  /** When `doctor`'s access to `patient` ends (unix seconds), null when none is open. */
  async expiry(patient: string, doctor: string): Promise<number | null> {
    const contract = await this.emergency();
    if (!(await contract.hasEmergencyAccess(patient, doctor))) return null;
    return Number(await contract.emergencyAccessExpiry(patient, doctor));
  }
}
