/**
 * The clinic's emergency key, set up from one admin's browser: a fresh X25519 key pair, its public half named
 * on chain (setEmergencyKey), its private half wrapped for every admin whose published key verifies (their own
 * wallet signed it), so any of them can later release documents. The private key is dropped from memory when
 * this returns; it is never stored or sent in the clear.
 */
import { Injectable, inject } from '@angular/core';
import { shortAddress } from '../auth/account';
import { AdminsApi } from '../admins/admins-api';
import { publicKeyToHex } from '../documents/crypto';
import { DocumentKeyring, PublishedKeyError } from '../documents/document-keys.service';
import { EmergencyApi } from './emergency-api';
import { EmergencyContract } from './emergency-contract';
import { generateClinicKeyPair, wrapClinicKeyFor } from './emergency-keys';

export interface ClinicKeySetupResult {
  publicKey: string;
  /** Admins who hold a wrap now. */
  wrappedFor: string[];
  /** Admins left out, with why (no published key, or a key their wallet did not sign). */
  skipped: { admin: string; reason: string }[];
}

@Injectable({ providedIn: 'root' })
export class ClinicKeySetup {
  private readonly contract = inject(EmergencyContract);
  private readonly api = inject(EmergencyApi);
  private readonly admins = inject(AdminsApi);
  private readonly keyring = inject(DocumentKeyring);

  /**
   * Generates and sets a new clinic key; null when the chain transaction failed (status region says why).
   * The signed-in admin's own key is derived (and published) first, so they are always among the holders.
   */
  async setUp(): Promise<ClinicKeySetupResult | null> {
    await this.keyring.myKeyPair();
    const admins = (await this.admins.list()).admins;
    const adminKeys: { admin: string; publicKey: Uint8Array }[] = [];
    const skipped: ClinicKeySetupResult['skipped'] = [];
    for (const admin of admins) {
      try {
        adminKeys.push({ admin, publicKey: await this.keyring.publicKeyOf(admin) });
      } catch (error) {
        if (!(error instanceof PublishedKeyError)) throw error;
        skipped.push({ admin, reason: `${shortAddress(admin)}: ${error.message}` });
      }
    }
    const clinic = generateClinicKeyPair();
    const wraps = await Promise.all(
      adminKeys.map(async ({ admin, publicKey }) => ({
        admin,
        wrappedKey: await wrapClinicKeyFor(clinic.privateKey, publicKey),
      })),
    );
    clinic.privateKey.fill(0);
    const publicKey = publicKeyToHex(clinic.publicKey);
    if (!(await this.contract.setKey(publicKey))) return null;
    const stored = await this.api.storeClinicKeyWraps({ publicKey, wraps });
    return { publicKey, wrappedFor: stored.admins, skipped };
  }
}
