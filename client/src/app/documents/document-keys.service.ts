/**
 * The signed-in user's document key pair and other people's verified public keys. The key pair is derived
 * from a wallet signature over keyDerivationMessage (crypto/keys.ts): asked once per session, kept in memory
 * only, never stored or sent. Someone else's public key is used only after checking their own wallet signed
 * it for this chain, so the server, which relays keys, cannot slip in a key of its own.
 */
import { Injectable, inject } from '@angular/core';
import { shortAddress } from '../auth/account';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import {
  type KeyPair,
  deriveKeyPair,
  keyDerivationMessage,
  publicKeyFromHex,
  publicKeyToHex,
  publishedKeyMessage,
  verifyPublishedKey,
} from './crypto';
import { DocumentKeysApi } from './document-keys-api';

/** A published key that cannot be used: not published yet, or not signed by its owner for this chain. */
export class PublishedKeyError extends Error {
  override readonly name = 'PublishedKeyError';

  constructor(
    readonly code: 'not-published' | 'signature-invalid' | 'key-changed',
    message: string,
  ) {
    super(message);
  }
}

@Injectable({ providedIn: 'root' })
export class DocumentKeyring {
  private readonly wallet = inject(WalletConnection);
  private readonly appConfig = inject(AppConfigStore);
  private readonly api = inject(DocumentKeysApi);
  /** One derivation per account and chain per page load (a pending one is shared by concurrent callers). */
  private readonly keyPairs = new Map<string, Promise<KeyPair>>();

  constructor() {
    // Another account's key must never serve the next one: forget every derived key when the wallet switches.
    this.wallet.accountChanges.subscribe(() => this.forget());
  }

  /**
   * The connected account's key pair: the wallet signs keyDerivationMessage the first time in this session,
   * and the public key is published (with a second signature over publishedKeyMessage) when it is not yet.
   */
  myKeyPair(): Promise<KeyPair> {
    const address = this.wallet.account();
    if (!address) return Promise.reject(new Error('Connect your wallet first.'));
    const slot = address.toLowerCase();
    let pending = this.keyPairs.get(slot);
    if (!pending) {
      pending = this.deriveAndPublish(address);
      this.keyPairs.set(slot, pending);
      // A declined signature is not cached: the next action asks again.
      pending.catch(() => this.keyPairs.delete(slot));
    }
    return pending;
  }

  /** `address`'s public key, once their own wallet's signature over it (for this chain) checks out. */
  async publicKeyOf(address: string): Promise<Uint8Array> {
    const [published, { chainId }] = await Promise.all([this.api.publishedKey(address), this.appConfig.load()]);
    if (!published) {
      throw new PublishedKeyError('not-published', `${shortAddress(address)} has not set up document encryption yet`);
    }
    if (published.chainId !== chainId || !verifyPublishedKey({ ...published, address })) {
      throw new PublishedKeyError(
        'signature-invalid',
        `The published key of ${shortAddress(address)} is not signed by their wallet (signature invalid): nothing was shared with it`,
      );
    }
    return publicKeyFromHex(published.publicKey);
  }

  /** Drops every derived key (sign-out, account switch). */
  forget(): void {
    this.keyPairs.clear();
  }

  private async deriveAndPublish(address: string): Promise<KeyPair> {
    const { chainId } = await this.appConfig.load();
    const keyPair = deriveKeyPair(await this.wallet.signMessage(keyDerivationMessage(address, chainId)));
    const publicKey = publicKeyToHex(keyPair.publicKey);
    const published = await this.api.publishedKey(address);
    const validPublished =
      published && published.chainId === chainId && verifyPublishedKey({ ...published, address }) ? published : null;
    if (validPublished && validPublished.publicKey.toLowerCase() !== publicKey) {
      // Republishing would strand every document wrapped to the key the same wallet derived before: a
      // wallet that does not sign deterministically (RFC 6979) cannot use document encryption.
      throw new PublishedKeyError(
        'key-changed',
        'Your wallet derived a different document key than the one you published before, so your documents ' +
          'cannot be opened with it. Use the wallet you set up document encryption with, or your recovery code.',
      );
    }
    if (!validPublished) {
      const signature = await this.wallet.signMessage(publishedKeyMessage(publicKey, address, chainId));
      await this.api.publishMine({ publicKey, signature });
    }
    return keyPair;
  }
}
