/**
 * The patient's recovery key (a printed recovery code): registered with the wallet's signature over
 * recoveryKeyMessage, so the server cannot swap in a key of its own, and given a wrap of every document key
 * so the documents outlive a lost wallet. Without one, the UI warns that losing the wallet loses them.
 */
import { Injectable, inject } from '@angular/core';
import { recoveryKeyMessage } from '@api/document-keys';
import { getAddress, verifyMessage } from 'ethers';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import { publicKeyFromHex, publicKeyToHex, unwrapKey, wrapKey } from './crypto';
import { DocumentKeyring } from './document-keys.service';
import { DocumentKeysApi } from './document-keys-api';
import { formatRecoveryCode, newRecoverySecret, recoveryKeys } from './recovery-code';
import { wrappedKeyBytes, wrappedKeyHex } from './wrapped-key-hex';

@Injectable({ providedIn: 'root' })
export class DocumentRecoveryKey {
  private readonly wallet = inject(WalletConnection);
  private readonly appConfig = inject(AppConfigStore);
  private readonly keyring = inject(DocumentKeyring);
  private readonly api = inject(DocumentKeysApi);

  /**
   * The signed-in patient's registered recovery public key, null when none is registered. A registration
   * not signed by this wallet for this chain is ignored: no key is wrapped to it. `address` is the signed-in
   * account (the connected wallet's by default; a page that knows the session's passes it, since the wallet
   * reconnects a moment after a reload).
   */
  async publicKey(address: string | null = this.wallet.account()): Promise<Uint8Array | null> {
    if (!address) throw new Error('Connect your wallet first.');
    const [registered, { chainId }] = await Promise.all([this.api.myRecoveryKey(), this.appConfig.load()]);
    if (!registered || registered.chainId !== chainId) return null;
    try {
      const message = recoveryKeyMessage(registered.publicKey, registered.signingKey, address, chainId);
      if (verifyMessage(message, registered.signature) !== getAddress(address)) return null;
      return publicKeyFromHex(registered.publicKey);
    } catch {
      return null;
    }
  }

  /**
   * Creates a recovery code, registers its keys (the wallet signs recoveryKeyMessage) and wraps every
   * existing document key to it. Answers the printable code: shown once, kept nowhere.
   */
  async create(patient: string): Promise<{ code: string; rewrapped: number }> {
    const { chainId } = await this.appConfig.load();
    const secret = newRecoverySecret();
    const keys = recoveryKeys(secret);
    const publicKey = publicKeyToHex(keys.encryptionPublicKey);
    const signingKey = publicKeyToHex(keys.signingPublicKey);
    const signature = await this.wallet.signMessage(recoveryKeyMessage(publicKey, signingKey, patient, chainId));
    await this.api.registerRecoveryKey({ publicKey, signingKey, signature });
    const rewrapped = await this.wrapAllFor(patient, keys.encryptionPublicKey, true);
    return { code: formatRecoveryCode(secret), rewrapped };
  }

  /**
   * How many of the patient's documents have no recovery wrap yet: notes doctors wrote (a doctor cannot read
   * the patient's recovery key) and documents from before the code.
   */
  async missingWraps(patient: string): Promise<number> {
    return (await this.api.patientKeys(patient)).filter((document) => !document.hasRecoveryWrap).length;
  }

  /** Wraps the patient's document keys that lack a recovery wrap; answers how many. */
  async wrapMissing(patient: string): Promise<number> {
    const recovery = await this.publicKey(patient);
    return recovery ? this.wrapAllFor(patient, recovery, false) : 0;
  }

  private async wrapAllFor(patient: string, recovery: Uint8Array, all: boolean): Promise<number> {
    const documents = (await this.api.patientKeys(patient)).filter((document) => all || !document.hasRecoveryWrap);
    if (!documents.length) return 0;
    const own = await this.keyring.myKeyPair();
    for (const document of documents) {
      const documentKey = await unwrapKey(wrappedKeyBytes(document.wrappedKey), own.privateKey);
      await this.api.storeKeys(document.cid, {
        patient,
        keys: [{ recipient: patient, wrappedKey: document.wrappedKey }],
        recoveryWrappedKey: wrappedKeyHex(await wrapKey(documentKey, recovery)),
      });
    }
    return documents.length;
  }
}
