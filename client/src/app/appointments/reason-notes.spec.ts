/**
 * The booking reason as an encrypted note, with real wallets and real crypto: what the patient's browser
 * sends (and pins) never holds the reason, the doctor opens it with only their own wallet, a doctor
 * without a published key gets nothing, and an altered or refused note says so instead of showing bytes.
 */
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { devAccount } from '@test-support/dev-chain';
import { appConfigFor } from '../../testing/app-config.fixture';
import { MemoryIpfs, MemoryKeyServer, documentIdentity } from '../../testing/document-services.fixture';
import { TestWallet } from '../../testing/test-wallet';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import { decryptDocument, unwrapKey } from '../documents/crypto';
import { IpfsDocuments } from '../documents/ipfs.service';
import { wrappedKeyBytes } from '../documents/wrapped-key-hex';
import { REASON_MIME_TYPE, decodeReasonNote } from '../notes/note-format';
import { ReasonNotes, ReasonUnavailableError } from './reason-notes';

const patient = devAccount(4);
const doctor = devAccount(1);
const otherDoctor = devAccount(2);
const MARKER = 'reason-marker-7f3a9c chest pain on stairs';

describe('ReasonNotes', () => {
  let http: HttpTestingController;
  let ipfs: MemoryIpfs;
  let keyServer: MemoryKeyServer;
  let stopAnnouncing: () => void;

  async function signedIn(account: typeof patient): Promise<ReasonNotes> {
    const wallet = new TestWallet(account);
    stopAnnouncing = wallet.announceOn(window);
    ipfs = new MemoryIpfs();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: IpfsDocuments, useValue: ipfs }],
    });
    http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    http.expectOne('/api/config').flush(appConfigFor());
    await configLoaded;
    await TestBed.inject(WalletConnection).connect();
    keyServer = new MemoryKeyServer(http, () => account.address).start();
    return TestBed.inject(ReasonNotes);
  }

  afterEach(() => {
    keyServer.stop();
    stopAnnouncing();
  });

  it('When the patient seals a reason, then nothing sent or pinned holds it, and the doctor opens it with their own wallet alone', async () => {
    const notes = await signedIn(patient);
    const doctorIdentity = await documentIdentity(doctor);
    keyServer.publish(doctorIdentity.published);

    const cid = await notes.seal(MARKER, doctor.address);

    // What left the browser: request bodies and the pinned bytes, none with the reason.
    expect(JSON.stringify(keyServer.bodies)).not.toContain('reason-marker');
    const pinned = ipfs.blocks.get(cid)!;
    expect(new TextDecoder('latin1').decode(pinned)).not.toContain('reason-marker');
    const stored = keyServer.wrapped.get(cid)!;
    expect([...stored.keys.keys()].sort()).toEqual(
      [doctor.address, patient.address].map((a) => a.toLowerCase()).sort(),
    );
    expect(stored.sharing).toBe('selected'); // not re-shared with the patient's other doctors

    // The doctor's browser: only their derived key unwraps it; the note decodes to the reason.
    const documentKey = await unwrapKey(
      wrappedKeyBytes(stored.keys.get(doctor.address.toLowerCase())!),
      doctorIdentity.keys.privateKey,
    );
    const opened = await decryptDocument(pinned, documentKey);
    expect(opened.type).toBe(REASON_MIME_TYPE);
    expect(decodeReasonNote(opened.content)).toEqual({ format: 'ehr-reason/1', reason: MARKER });
    const stranger = await documentIdentity(otherDoctor);
    await expect(
      unwrapKey(wrappedKeyBytes(stored.keys.get(doctor.address.toLowerCase())!), stranger.keys.privateKey),
    ).rejects.toMatchObject({ code: 'unwrap-failed' });

    // And the patient reads it back through the app.
    expect(await notes.open(cid)).toBe(MARKER);
  });

  it('When the doctor has not published a key, then sealing stops with that reason and nothing is pinned or stored', async () => {
    const notes = await signedIn(patient);

    await expect(notes.seal(MARKER, doctor.address)).rejects.toThrow('has not set up document encryption yet');
    expect(ipfs.blocks.size).toBe(0);
    expect(keyServer.wrapped.size).toBe(0);
  });

  it('When the pinned note was altered, or the key is refused, then opening says so and shows nothing', async () => {
    const notes = await signedIn(patient);
    keyServer.publish((await documentIdentity(doctor)).published);
    const altered = await notes.seal(MARKER, doctor.address);
    const refused = await notes.seal(`${MARKER} again`, doctor.address);
    const bytes = ipfs.blocks.get(altered)!;
    bytes[bytes.length - 1] ^= 0x01;
    keyServer.refused.add(refused);

    await expect(notes.open(altered)).rejects.toEqual(
      new ReasonUnavailableError('The reason could not be decrypted: the stored copy is damaged or altered.'),
    );
    await expect(notes.open(refused)).rejects.toThrow('You may not open this reason: No current consent grant');
    await expect(notes.open('QmNeverShared')).rejects.toThrow('No key to this reason was shared with you.');
  });
});
