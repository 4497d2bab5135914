import { TestBed } from '@angular/core/testing';
import type { EmergencyPatientView } from '@api';
import { RECORD_KINDS } from '@api/chain-values';
import { MemoryIpfs, documentIdentity } from '../../testing/document-services.fixture';
import { eventually } from '../../testing/eventually';
import {
  DOCTOR,
  GAS,
  PATIENT,
  bedAs,
  startEmergencyChain,
  type PersonBed,
} from '../../testing/emergency-world.fixture';
import type { TestChain } from '../../testing/test-chain';
import { ciphertextHash, encryptDocument, wrapKey } from '../documents/crypto';
import { IpfsDocuments } from '../documents/ipfs.service';
import { wrappedKeyHex } from '../documents/wrapped-key-hex';
import { EmergencyRecord, NOT_RELEASED, NOT_SHARED } from './emergency-record';

describe('EmergencyRecord (on an in-process chain)', () => {
  let chain: TestChain;
  let bed: PersonBed;
  const ipfs = new MemoryIpfs();
  let documentKey: Uint8Array;
  let cid: string;

  beforeAll(async () => {
    // jsdom has no object URLs; the viewer only needs one to exist.
    if (!('createObjectURL' in URL))
      Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined });
    chain = await startEmergencyChain();
    // The patient's lab report: encrypted, pinned, anchored on chain by the patient.
    const encrypted = await encryptDocument(new TextEncoder().encode('K+ 4.1 mmol/L'), {
      name: 'potassium.txt',
      type: 'text/plain',
    });
    documentKey = encrypted.key;
    const envelope = encrypted.bytes;
    cid = await ipfs.add(envelope);
    const patient = await chain.provider.getSigner(PATIENT.address);
    await (
      await chain.records
        .connect(patient)
        .addRecord(PATIENT.address, RECORD_KINDS.indexOf('test-report'), cid, ciphertextHash(envelope), GAS)
    ).wait();
  });
  afterAll(() => chain.stop());
  afterEach(() => {
    bed.stop();
    document.body.replaceChildren();
  });

  const view = (documentsShared: boolean): EmergencyPatientView => ({
    patient: PATIENT.address,
    expiresAt: '2026-11-28T10:00:00.000Z',
    profile: {
      firstName: 'Ada',
      lastName: 'Byron',
      dateOfBirth: '1990-12-10',
      allergies: ['Penicillin'],
      chronicConditions: ['Asthma'],
      currentMedications: ['Warfarin 5 mg daily'],
      emergencyContact: { name: 'Mary Somerville', phone: '+447700900456' },
    },
    records: [
      {
        id: 1,
        patient: PATIENT.address,
        author: PATIENT.address,
        kind: 'test-report',
        cid,
        contentHash: '',
        amends: null,
        amendedBy: null,
        createdAt: '2026-11-01T09:00:00.000Z',
        txHash: `0x${'12'.repeat(32)}`,
      },
    ],
    documentsShared,
  });

  async function render(answer: EmergencyPatientView) {
    bed = await bedAs(chain, DOCTOR, undefined, [{ provide: IpfsDocuments, useValue: ipfs }]);
    bed.emergency.answers.set(`/api/emergency/patients/${PATIENT.address}`, answer);
    const fixture = TestBed.createComponent(EmergencyRecord);
    fixture.componentRef.setInput('patient', PATIENT.address);
    fixture.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);
    await eventually(() => page.textContent?.includes('Emergency profile'));
    return page;
  }

  it('When the patient did not opt in, then the doctor sees the emergency profile, the records list and why documents stay closed', async () => {
    const page = await render(view(false));

    for (const shown of [
      'Penicillin',
      'Asthma',
      'Warfarin 5 mg daily',
      'Mary Somerville, +447700900456',
      'Test report',
    ]) {
      expect(page.textContent).toContain(shown);
    }
    expect(page.textContent).toContain(NOT_SHARED);
    expect(page.querySelector('button[aria-label^="Open"]')).toBeNull();
  });

  it('When the patient shares but no admin has released the key, then opening says so; once released, the document opens', async () => {
    const page = await render(view(true));
    const open = () => page.querySelector<HTMLButtonElement>('button[aria-label="Open Test report #1"]')!.click();

    open();
    await eventually(() => page.querySelector('[role="alert"]')?.textContent?.includes(NOT_RELEASED), 20_000);

    // An admin's release stores the doctor's wrap; the next open finds it.
    const doctor = await documentIdentity(DOCTOR);
    bed.keys.wrapped.set(cid, {
      patient: PATIENT.address,
      keys: new Map([[DOCTOR.address.toLowerCase(), wrappedKeyHex(await wrapKey(documentKey, doctor.keys.publicKey))]]),
      sharing: 'doctors-with-access',
    });
    bed.keys.publish(doctor.published);
    open();
    await eventually(() => page.querySelector('[aria-label="Document potassium.txt"]'), 20_000);
  });
});
