/**
 * Shares the signed-in patient's documents with a doctor: every document whose sharing is
 * 'doctors-with-access' gets its key wrapped for the doctor (unwrapped with the patient's own key, never
 * leaving the browser in the clear). Called after a consent grant or a booking is confirmed on chain; the
 * server serves these wraps only while the chain says hasAccess.
 */
import { Injectable, inject } from '@angular/core';
import { ConsentApi } from '../consent/consent-api';
import { WalletConnection } from '../chain/wallet-connection';
import { unwrapKey, wrapKey } from './crypto';
import { sameAddress } from './document-upload';
import { DocumentKeyring } from './document-keys.service';
import { DocumentKeysApi } from './document-keys-api';
import { wrappedKeyBytes, wrappedKeyHex } from './wrapped-key-hex';

/** The API's largest consent page. */
const CONSENT_PAGE_LIMIT = 100;

export interface DoctorWithAccess {
  address: string;
  displayName?: string;
}

@Injectable({ providedIn: 'root' })
export class DocumentSharing {
  private readonly wallet = inject(WalletConnection);
  private readonly keyring = inject(DocumentKeyring);
  private readonly keysApi = inject(DocumentKeysApi);
  private readonly consentApi = inject(ConsentApi);

  /**
   * Wraps every 'doctors-with-access' document of the signed-in patient for `doctor` that the doctor does not
   * hold yet; answers how many were shared. Throws when the doctor has not set up document encryption.
   */
  async shareWithDoctor(doctor: string): Promise<number> {
    const patient = this.wallet.account();
    if (!patient) throw new Error('Connect your wallet first.');
    const documents = (await this.keysApi.patientKeys(patient)).filter(
      (document) =>
        document.sharing === 'doctors-with-access' &&
        !document.recipients.some((recipient) => sameAddress(recipient, doctor)),
    );
    if (!documents.length) return 0;
    const doctorKey = await this.keyring.publicKeyOf(doctor);
    const own = await this.keyring.myKeyPair();
    for (const document of documents) {
      const documentKey = await unwrapKey(wrappedKeyBytes(document.wrappedKey), own.privateKey);
      await this.keysApi.storeKeys(document.cid, {
        patient,
        keys: [{ recipient: doctor, wrappedKey: wrappedKeyHex(await wrapKey(documentKey, doctorKey)) }],
      });
    }
    return documents.length;
  }

  /** The doctors with current access to `patient`'s records (chain hasAccess, read live by the API). */
  async doctorsWithAccess(patient: string): Promise<DoctorWithAccess[]> {
    const page = await this.consentApi.listForPatient(patient, { offset: 0, limit: CONSENT_PAGE_LIMIT });
    return page.items
      .filter((item) => item.consent.hasAccess)
      .map((item) => ({ address: item.doctor, ...(item.displayName && { displayName: item.displayName }) }));
  }
}
