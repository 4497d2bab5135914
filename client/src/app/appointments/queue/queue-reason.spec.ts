/**
 * The doctor's queue shows a booking reason by decrypting its note in the browser: the first one on the
 * doctor's click (the wallet unlocks the key pair), the others by themselves after that; a note whose key
 * the server refuses says so plainly.
 */
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AppointmentView } from '@api';
import { devAccount } from '@test-support/dev-chain';
import { appConfigFor } from '../../../testing/app-config.fixture';
import { MemoryIpfs, MemoryKeyServer, documentIdentity } from '../../../testing/document-services.fixture';
import { eventually } from '../../../testing/eventually';
import { TestWallet } from '../../../testing/test-wallet';
import { AppConfigStore } from '../../chain/app-config';
import { WalletConnection } from '../../chain/wallet-connection';
import { encryptDocument, wrapKey } from '../../documents/crypto';
import { IpfsDocuments } from '../../documents/ipfs.service';
import { wrappedKeyHex } from '../../documents/wrapped-key-hex';
import { REASON_MIME_TYPE, REASON_NOTE_NAME, encodeNote } from '../../notes/note-format';
import { QueueItem } from './queue-item';

const doctor = devAccount(1);
const patient = devAccount(4);

describe('QueueItem: the booking reason', () => {
  let http: HttpTestingController;
  let ipfs: MemoryIpfs;
  let keyServer: MemoryKeyServer;
  let stopAnnouncing: () => void;

  beforeEach(async () => {
    const wallet = new TestWallet(doctor);
    stopAnnouncing = wallet.announceOn(window);
    ipfs = new MemoryIpfs();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: IpfsDocuments, useValue: ipfs },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    http.expectOne('/api/config').flush(appConfigFor());
    await configLoaded;
    await TestBed.inject(WalletConnection).connect();
    keyServer = new MemoryKeyServer(http, () => doctor.address).start();
    keyServer.publish((await documentIdentity(doctor)).published);
  });
  afterEach(() => {
    keyServer.stop();
    stopAnnouncing();
  });

  /** What the patient's browser did at booking: a reason note pinned, its key wrapped for both of them. */
  async function bookedReason(reason: string): Promise<string> {
    const [patientIdentity, doctorIdentity] = await Promise.all([documentIdentity(patient), documentIdentity(doctor)]);
    const { key, bytes } = await encryptDocument(encodeNote({ format: 'ehr-reason/1', reason }), {
      name: REASON_NOTE_NAME,
      type: REASON_MIME_TYPE,
    });
    const cid = await ipfs.add(bytes);
    keyServer.wrapped.set(cid, {
      patient: patient.address,
      sharing: 'selected',
      keys: new Map([
        [patient.address.toLowerCase(), wrappedKeyHex(await wrapKey(key, patientIdentity.keys.publicKey))],
        [doctor.address.toLowerCase(), wrappedKeyHex(await wrapKey(key, doctorIdentity.keys.publicKey))],
      ]),
    });
    return cid;
  }

  function item(id: string, reasonCid: string | undefined): HTMLElement {
    const view: AppointmentView = {
      id,
      patient: patient.address,
      doctor: doctor.address,
      patientName: `Patient ${id}`,
      status: 'requested',
      slot: '2031-03-11T12:00:00.000Z',
      slotEnd: '2031-03-11T12:30:00.000Z',
      duration: 1800,
      feeWei: '0',
      feeSettled: false,
      requestedAt: '2031-03-01T12:00:00.000Z',
      updatedAt: '2031-03-01T12:00:00.000Z',
      ...(reasonCid && { reasonCid }),
      history: [],
      payments: [],
    };
    const fixture = TestBed.createComponent(QueueItem);
    fixture.componentRef.setInput('appointment', view);
    fixture.autoDetectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('When the doctor asks to see one reason, then it is decrypted, and the next ones open without asking again', async () => {
    const first = item('1', await bookedReason('Chest pain when climbing stairs'));
    const second = item('2', await bookedReason('Follow-up on blood pressure'));
    const none = item('3', undefined);
    expect(none.textContent).toContain('No reason given.');
    expect(first.textContent).not.toContain('Chest pain');

    (await eventually(() => first.querySelector('button'))).click();

    await eventually(() => first.querySelector('[data-testid="reason-text"]'));
    expect(first.querySelector('[data-testid="reason-text"]')?.textContent).toBe('Chest pain when climbing stairs');
    await eventually(() => second.querySelector('[data-testid="reason-text"]'));
    expect(second.textContent).toContain('Follow-up on blood pressure');
  });

  it('When the server refuses the key, then the item says the reason cannot be opened and why', async () => {
    const cid = await bookedReason('Private matter');
    keyServer.refused.add(cid);
    const refused = item('4', cid);

    (await eventually(() => refused.querySelector('button'))).click();

    const alert = await eventually(() => refused.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('The reason cannot be opened: You may not open this reason');
    expect(refused.textContent).not.toContain('Private matter');
  });
});
