/**
 * The patient's booking reason as an encrypted note (format ehr-reason/1): sealed in the patient's browser
 * (a fresh document key, AES-256-GCM), pinned to IPFS, its key wrapped for the patient and the doctor booked
 * (whose published key is verified first) and for the patient's recovery key; only its CID goes on chain,
 * in requestAppointment. The server never sees the reason: it relays the wrapped keys, and logs each time the
 * doctor fetches theirs (the doctor may before accepting: the appointment is the ground).
 *
 * Opening it needs no hash check against Records (a reason is not a record entry): AES-GCM authenticates
 * the envelope, so bytes altered in IPFS fail to decrypt and are never shown.
 */
import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { WalletConnection } from '../chain/wallet-connection';
import { EnvelopeError, KeyWrapError, decryptDocument, encryptDocument, unwrapKey, wrapKey } from '../documents/crypto';
import { DocumentKeyring } from '../documents/document-keys.service';
import { DocumentKeysApi } from '../documents/document-keys-api';
import { DocumentRecoveryKey } from '../documents/document-recovery-key';
import { IpfsDocuments } from '../documents/ipfs.service';
import { wrappedKeyBytes, wrappedKeyHex } from '../documents/wrapped-key-hex';
import {
  NoteFormatError,
  REASON_FORMAT,
  REASON_MIME_TYPE,
  REASON_NOTE_NAME,
  decodeReasonNote,
  encodeNote,
} from '../notes/note-format';
import { errorText } from '../shared/error-text';

/** A reason note that cannot be shown, with a sentence saying why. */
export class ReasonUnavailableError extends Error {
  override readonly name = 'ReasonUnavailableError';
}

@Injectable({ providedIn: 'root' })
export class ReasonNotes {
  private readonly wallet = inject(WalletConnection);
  private readonly keyring = inject(DocumentKeyring);
  private readonly recoveryKey = inject(DocumentRecoveryKey);
  private readonly keysApi = inject(DocumentKeysApi);
  private readonly ipfs = inject(IpfsDocuments);
  /** Opened reasons by CID: a page refreshed by the live stream does not fetch (and log) each key again. */
  private readonly opened = new Map<string, Promise<string>>();
  private readonly unlockedSignal = signal(false);

  /** The wallet has unlocked the document key pair in this session: reasons may open without asking. */
  readonly unlocked = this.unlockedSignal.asReadonly();

  /**
   * The doctor's verified public key, or why the reason cannot be encrypted for them (PublishedKeyError:
   * not set up yet, or not signed by their wallet). Asked before booking, so the patient knows in time.
   */
  doctorKey(doctor: string): Promise<Uint8Array> {
    return this.keyring.publicKeyOf(doctor);
  }

  /** Encrypts `reason` for the signed-in patient and `doctor`, pins it and stores the wrapped keys; answers the CID. */
  async seal(reason: string, doctor: string): Promise<string> {
    const patient = this.wallet.account();
    if (!patient) throw new Error('Connect your wallet first.');
    // Every key is resolved before anything leaves the browser: a doctor without a usable key pins nothing.
    const doctorKey = await this.keyring.publicKeyOf(doctor);
    const own = await this.myKeyPair();
    const recovery = await this.recoveryKey.publicKey();
    const note = encodeNote({ format: REASON_FORMAT, reason });
    const { key, bytes } = await encryptDocument(note, { name: REASON_NOTE_NAME, type: REASON_MIME_TYPE });
    const cid = await this.ipfs.add(bytes);
    await this.keysApi.storeKeys(cid, {
      patient,
      keys: [
        { recipient: patient, wrappedKey: wrappedKeyHex(await wrapKey(key, own.publicKey)) },
        { recipient: doctor, wrappedKey: wrappedKeyHex(await wrapKey(key, doctorKey)) },
      ],
      ...(recovery && { recoveryWrappedKey: wrappedKeyHex(await wrapKey(key, recovery)) }),
      // Only this doctor: a reason is not shared with the patient's other doctors.
      sharing: 'selected',
    });
    return cid;
  }

  /** The reason behind `cid`, for its patient or the doctor it was written for (ReasonUnavailableError says why not). */
  open(cid: string): Promise<string> {
    let opening = this.opened.get(cid);
    if (!opening) {
      opening = this.decrypt(cid);
      this.opened.set(cid, opening);
      // A failure is not kept: access may be granted, or the network come back, before the next try.
      opening.catch(() => this.opened.delete(cid));
    }
    return opening;
  }

  private async myKeyPair() {
    const keyPair = await this.keyring.myKeyPair();
    this.unlockedSignal.set(true);
    return keyPair;
  }

  private async decrypt(cid: string): Promise<string> {
    let wrappedKey: string;
    try {
      ({ wrappedKey } = await this.keysApi.myKey(cid));
    } catch (error) {
      throw new ReasonUnavailableError(keyRefusal(error));
    }
    const own = await this.myKeyPair();
    const envelope = await this.ipfs.cat(cid);
    try {
      const documentKey = await unwrapKey(wrappedKeyBytes(wrappedKey), own.privateKey);
      const document = await decryptDocument(envelope, documentKey);
      if (document.type !== REASON_MIME_TYPE) throw new NoteFormatError('This document is not a reason note.');
      return decodeReasonNote(document.content).reason;
    } catch (error) {
      if (error instanceof KeyWrapError) throw new ReasonUnavailableError('Your key does not open this reason.');
      if (error instanceof EnvelopeError)
        throw new ReasonUnavailableError('The reason could not be decrypted: the stored copy is damaged or altered.');
      if (error instanceof NoteFormatError)
        throw new ReasonUnavailableError(`The reason is unreadable: ${error.message}`);
      throw error;
    }
  }
}

function keyRefusal(error: unknown): string {
  if (error instanceof HttpErrorResponse && error.status === 404) return 'No key to this reason was shared with you.';
  if (error instanceof HttpErrorResponse && error.status === 403)
    return `You may not open this reason: ${errorText(error)}`;
  return `The reason could not be opened: ${errorText(error)}`;
}
