/**
 * The patient's emergency sharing: the switch is on chain (EmergencyAccess.setEmergencySharing), and while it
 * is on, the patient's browser wraps each of their document keys for the clinic's emergency key, read from the
 * chain (never from the API). Nothing opens for anyone until a break-glass window is open and an on-duty admin
 * re-wraps those keys for the doctor; turning it off stops the server handing them to an admin.
 */
import { Injectable, inject } from '@angular/core';
import type { EmergencyDocumentKeyStatus } from '@api';
import { WalletConnection } from '../chain/wallet-connection';
import { publicKeyFromHex } from '../documents/crypto';
import { DocumentKeyring } from '../documents/document-keys.service';
import { DocumentKeysApi } from '../documents/document-keys-api';
import { EmergencyApi } from './emergency-api';
import { EmergencyContract } from './emergency-contract';
import { rewrapForClinic } from './emergency-keys';

/** The API's largest batch of wrapped keys per request (api/emergency.ts WrapListSchema). */
export const WRAP_BATCH = 200;

export interface EmergencySharingState {
  /** The chain's switch. */
  enabled: boolean;
  /** The chain's clinic emergency key (lowercase hex), null until an admin sets one. */
  clinicKey: string | null;
  /** How many of the patient's documents there are, and how many are wrapped for the current clinic key. */
  documents: number;
  wrapped: number;
}

@Injectable({ providedIn: 'root' })
export class EmergencySharing {
  private readonly wallet = inject(WalletConnection);
  private readonly contract = inject(EmergencyContract);
  private readonly api = inject(EmergencyApi);
  private readonly keysApi = inject(DocumentKeysApi);
  private readonly keyring = inject(DocumentKeyring);

  async state(): Promise<EmergencySharingState> {
    const patient = this.patient();
    const [enabled, clinicKey, documents, status] = await Promise.all([
      this.contract.sharing(patient),
      this.contract.clinicKey(),
      this.keysApi.patientKeys(patient),
      this.api.documentKeyStatus(patient),
    ]);
    return { enabled, clinicKey, documents: documents.length, wrapped: wrappedFor(status, clinicKey).size };
  }

  /** Turns sharing on on chain, then wraps every document key for the clinic key; how many were wrapped, or null when the transaction failed. */
  async turnOn(): Promise<number | null> {
    if (!(await this.contract.setSharing(true))) return null;
    return this.wrapMissing();
  }

  turnOff(): Promise<boolean> {
    return this.contract.setSharing(false);
  }

  /**
   * Wraps for the chain's clinic key every document key of the patient not yet wrapped for it (new documents,
   * or all of them after the clinic changed its key); answers how many. Throws when no clinic key is set.
   */
  async wrapMissing(): Promise<number> {
    const patient = this.patient();
    const clinicKey = await this.contract.clinicKey();
    if (!clinicKey) {
      throw new Error(
        'The clinic has not set up its emergency key yet, so nothing could be wrapped for it. Your choice is saved on chain: come back here later to finish.',
      );
    }
    const [documents, status] = await Promise.all([
      this.keysApi.patientKeys(patient),
      this.api.documentKeyStatus(patient),
    ]);
    const done = wrappedFor(status, clinicKey);
    const missing = documents.filter((document) => !done.has(document.cid));
    if (!missing.length) return 0;
    const { privateKey } = await this.keyring.myKeyPair();
    const clinicPublicKey = publicKeyFromHex(clinicKey);
    const keys: { cid: string; wrappedKey: string }[] = [];
    for (const document of missing) {
      keys.push({
        cid: document.cid,
        wrappedKey: await rewrapForClinic(document.wrappedKey, privateKey, clinicPublicKey),
      });
    }
    for (let start = 0; start < keys.length; start += WRAP_BATCH) {
      await this.api.storeDocumentKeys({ publicKey: clinicKey, keys: keys.slice(start, start + WRAP_BATCH) });
    }
    return keys.length;
  }

  private patient(): string {
    const patient = this.wallet.account();
    if (!patient) throw new Error('Connect your wallet first.');
    return patient;
  }
}

/** The CIDs wrapped for `clinicKey` (an older clinic key's wraps do not count). */
function wrappedFor(status: EmergencyDocumentKeyStatus, clinicKey: string | null): Set<string> {
  if (!clinicKey) return new Set();
  return new Set(
    status.items.filter((item) => item.publicKey.toLowerCase() === clinicKey.toLowerCase()).map((item) => item.cid),
  );
}
