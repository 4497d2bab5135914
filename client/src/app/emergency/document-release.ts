/**
 * An on-duty admin releases a patient's shared documents to the doctor of a live emergency access: their own
 * key opens their wrap of the clinic key (checked against the key the chain names), the clinic key opens each
 * clinic-wrapped document key, and each is sealed again for the doctor's published key, used only once the
 * doctor's own wallet signature over it checks out. The server stores the doctor's wraps and serves them only
 * inside the window; it never sees a key in the clear.
 */
import { Injectable, inject } from '@angular/core';
import type { EmergencyAccessView } from '@api';
import { publicKeyFromHex } from '../documents/crypto';
import { DocumentKeyring } from '../documents/document-keys.service';
import { EmergencyApi } from './emergency-api';
import { EmergencyContract } from './emergency-contract';
import { rewrapForDoctor, unwrapClinicKey } from './emergency-keys';
import { WRAP_BATCH } from './emergency-sharing';

@Injectable({ providedIn: 'root' })
export class DocumentRelease {
  private readonly api = inject(EmergencyApi);
  private readonly contract = inject(EmergencyContract);
  private readonly keyring = inject(DocumentKeyring);

  /** Re-wraps every clinic-wrapped document key of the access's patient for its doctor; answers how many. */
  async release(access: Pick<EmergencyAccessView, 'id' | 'doctor'>): Promise<number> {
    const clinicKey = await this.contract.clinicKey();
    if (!clinicKey) throw new Error('The clinic has no emergency key on chain yet: set one up first.');
    const shared = await this.api.clinicWrappedKeys(access.id);
    if (!shared.items.length) return 0;
    if (shared.publicKey.toLowerCase() !== clinicKey) {
      throw new Error(
        "The patient's documents are wrapped for an earlier clinic key, which no admin can open now: they open again once the patient visits My data.",
      );
    }
    // Verified before any key is opened: a doctor without a valid published key gets nothing.
    const doctorKey = await this.keyring.publicKeyOf(access.doctor);
    const own = await this.keyring.myKeyPair();
    const clinicPrivateKey = await unwrapClinicKey(
      (await this.api.myClinicKeyWrap()).wrappedKey,
      own.privateKey,
      publicKeyFromHex(clinicKey),
    );
    try {
      const keys: { cid: string; wrappedKey: string }[] = [];
      for (const item of shared.items) {
        keys.push({ cid: item.cid, wrappedKey: await rewrapForDoctor(item.wrappedKey, clinicPrivateKey, doctorKey) });
      }
      for (let start = 0; start < keys.length; start += WRAP_BATCH) {
        await this.api.storeDoctorKeys(access.id, { keys: keys.slice(start, start + WRAP_BATCH) });
      }
      return keys.length;
    } finally {
      clinicPrivateKey.fill(0);
    }
  }
}
