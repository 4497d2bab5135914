/**
 * Recovering a lost wallet's documents with its printed recovery code, from a new wallet. The code's Ed25519
 * key signs recoveryClaimMessage (lost patient, this wallet, this chain); the server checks it against the
 * signing key the lost wallet registered and answers every recovery wrap. Each one is unwrapped here with the
 * code's X25519 key and wrapped again for this wallet's own key, which the server then serves to it. The
 * code never leaves the browser, and the records themselves stay the lost account's on chain.
 */
import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ApiErrorBody } from '@api';
import { recoveryClaimMessage } from '@api/document-keys';
import { ed25519 } from '@noble/curves/ed25519';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { getAddress, isAddress } from 'ethers';
import { shortAddress } from '../auth/account';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import { KeyWrapError, unwrapKey, wrapKey } from './crypto';
import { DocumentKeyring } from './document-keys.service';
import { DocumentKeysApi } from './document-keys-api';
import { type ChainRecordEntry, RecordsContract } from './records-contract';
import { parseRecoveryCode, recoveryKeys } from './recovery-code';
import { wrappedKeyBytes, wrappedKeyHex } from './wrapped-key-hex';

/** The contract's largest page of a patient's entries. */
const CHAIN_PAGE_LIMIT = 100;

/** Why nothing was recovered, said so the person can act on it. */
export class RecoveryError extends Error {
  override readonly name = 'RecoveryError';

  constructor(
    readonly code: 'address-invalid' | 'same-wallet' | 'code-malformed' | 'code-wrong' | 'no-recovery-key',
    message: string,
  ) {
    super(message);
  }
}

export interface RecoveryResult {
  /** The lost wallet (checksummed): the documents stay in its record on chain. */
  patient: string;
  /** CIDs whose key is now wrapped for this wallet. */
  recovered: string[];
  /** CIDs whose recovery wrap this code did not open (nothing stored for them). */
  failed: string[];
}

@Injectable({ providedIn: 'root' })
export class DocumentRecovery {
  private readonly wallet = inject(WalletConnection);
  private readonly appConfig = inject(AppConfigStore);
  private readonly keyring = inject(DocumentKeyring);
  private readonly api = inject(DocumentKeysApi);
  private readonly contract = inject(RecordsContract);

  /**
   * Claims `lostPatient`'s documents with its recovery code and wraps every one of their keys for the
   * connected wallet. Throws a RecoveryError (nothing stored) when the code or address is wrong.
   */
  async recover(lostPatient: string, code: string): Promise<RecoveryResult> {
    const me = this.wallet.account();
    if (!me) throw new Error('Connect your wallet first.');
    if (!isAddress(lostPatient.trim())) {
      throw new RecoveryError(
        'address-invalid',
        "The lost wallet's address is not an Ethereum address (0x and 40 hex digits).",
      );
    }
    const patient = getAddress(lostPatient.trim().toLowerCase());
    if (patient === getAddress(me.toLowerCase())) {
      throw new RecoveryError(
        'same-wallet',
        'That is the wallet you are signed in with: sign in with your new wallet to recover its documents.',
      );
    }
    const keys = recoveryKeysOf(code);

    const { chainId } = await this.appConfig.load();
    const claimMessage = utf8ToBytes(recoveryClaimMessage(patient, me, chainId));
    const proof = `0x${bytesToHex(ed25519.sign(claimMessage, keys.signingPrivateKey))}`;
    const claim = await this.claim(patient, proof);
    if (!claim.items.length) return { patient, recovered: [], failed: [] };

    const own = await this.keyring.myKeyPair();
    const recovered: string[] = [];
    const failed: string[] = [];
    for (const { cid, recoveryWrappedKey } of claim.items) {
      let documentKey: Uint8Array;
      try {
        documentKey = await unwrapKey(wrappedKeyBytes(recoveryWrappedKey), keys.encryptionPrivateKey);
      } catch (error) {
        if (!(error instanceof KeyWrapError)) throw error;
        failed.push(cid);
        continue;
      }
      const wrappedKey = wrappedKeyHex(await wrapKey(documentKey, own.publicKey));
      await this.api.storeKeys(cid, { patient, keys: [{ recipient: me, wrappedKey }] });
      recovered.push(cid);
    }
    return { patient, recovered, failed };
  }

  /**
   * `patient`'s chain entries whose CID is in `cids` (the recovered ones), newest first. Read from the
   * Records contract page by page: the records API lists a record only for its patient and their doctors.
   */
  async recoveredEntries(patient: string, cids: readonly string[]): Promise<ChainRecordEntry[]> {
    const wanted = new Set(cids);
    const entries: ChainRecordEntry[] = [];
    for (let offset = 0; ; offset += CHAIN_PAGE_LIMIT) {
      const page = await this.contract.patientPage(patient, offset, CHAIN_PAGE_LIMIT);
      entries.push(...page.filter((entry) => wanted.has(entry.cid)));
      if (page.length < CHAIN_PAGE_LIMIT) break;
    }
    return entries.reverse();
  }

  private async claim(patient: string, proof: string) {
    try {
      return await this.api.claimRecovery(patient, proof);
    } catch (error) {
      const code =
        error instanceof HttpErrorResponse ? (error.error as Partial<ApiErrorBody> | null)?.error?.code : null;
      if (code === 'RECOVERY_PROOF_INVALID') {
        throw new RecoveryError(
          'code-wrong',
          `This recovery code is not the one ${shortAddress(patient)} registered. Check the code and the lost wallet's address: nothing was recovered.`,
        );
      }
      if (code === 'RECOVERY_KEY_NOT_SET') {
        throw new RecoveryError(
          'no-recovery-key',
          `${shortAddress(patient)} never registered a recovery code, so its documents cannot be recovered.`,
        );
      }
      throw error;
    }
  }
}

function recoveryKeysOf(code: string) {
  try {
    return recoveryKeys(parseRecoveryCode(code));
  } catch {
    throw new RecoveryError(
      'code-malformed',
      'That is not a recovery code: a recovery code is 64 hex digits, printed in 16 groups of 4.',
    );
  }
}
