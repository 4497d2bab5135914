import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { recoveryClaimMessage, type StoreDocumentKeysBody } from '@api';
import { ed25519 } from '@noble/curves/ed25519';
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import { CHAIN_ID, devAccount } from '@test-support/dev-chain';
import { appConfigFor } from '../../testing/app-config.fixture';
import { MemoryIpfs, MemoryRecordsContract, documentKeysOf, respond } from '../../testing/documents-fakes';
import { eventually } from '../../testing/eventually';
import { clickButton, fillFields } from '../../testing/form-filling';
import { TestWallet } from '../../testing/test-wallet';
import { WalletConnection } from '../chain/wallet-connection';
import { encryptDocument, wrapKey } from './crypto';
import { IpfsDocuments } from './ipfs.service';
import { RecordsContract } from './records-contract';
import { RecoverDocuments } from './recover-documents';
import { formatRecoveryCode, newRecoverySecret, recoveryKeys } from './recovery-code';
import { wrappedKeyHex } from './wrapped-key-hex';

const lostPatient = devAccount(212);
const newWallet = devAccount(213);
const registeredSecret = newRecoverySecret();

type ClaimAnswer = 'wraps' | 'no wraps' | 'no recovery key';

describe('RecoverDocuments (real services and crypto; IPFS and the chain in memory, the API through HttpTestingController)', () => {
  let server: ReturnType<typeof respond>;
  let stopAnnouncing: () => void;

  beforeAll(() => {
    // jsdom has no blob: URLs; browsers do.
    if (!('createObjectURL' in URL))
      Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined });
  });

  afterEach(() => {
    server.stop();
    stopAnnouncing();
  });

  /**
   * The lost patient's scan is pinned and anchored on chain with a recovery wrap for `registeredSecret`; the
   * server checks claims with the registered signing key and serves the new wallet the key it stores.
   */
  async function render(answer: ClaimAnswer): Promise<HTMLElement> {
    const ipfs = new MemoryIpfs();
    const contract = new MemoryRecordsContract();
    stopAnnouncing = new TestWallet(newWallet).announceOn(window);
    TestBed.configureTestingModule({
      imports: [RecoverDocuments],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: IpfsDocuments, useValue: ipfs },
        { provide: RecordsContract, useValue: contract },
      ],
    });
    const encrypted = await encryptDocument(new TextEncoder().encode('x-ray'), { name: 'scan.png', type: 'image/png' });
    const cid = await ipfs.add(encrypted.bytes);
    contract.anchor(lostPatient.address, cid, encrypted.bytes);
    const registered = recoveryKeys(registeredSecret);
    const recoveryWrappedKey = wrappedKeyHex(await wrapKey(encrypted.key, registered.encryptionPublicKey));
    const mine = await documentKeysOf(newWallet, CHAIN_ID);
    const storedKeys = new Map<string, string>();

    server = respond(TestBed.inject(HttpTestingController), {
      'GET /api/config': (request) => request.flush(appConfigFor()),
      [`GET /api/keys/${newWallet.address}`]: (request) => request.flush(mine.published),
      [`POST /api/keys/recovery/${lostPatient.address}/claim`]: (request) => {
        if (answer === 'no recovery key') {
          request.flush(
            { error: { code: 'RECOVERY_KEY_NOT_SET', message: 'none' } },
            { status: 404, statusText: 'Not Found' },
          );
          return;
        }
        const { proof } = request.request.body as { proof: string };
        const message = utf8ToBytes(recoveryClaimMessage(lostPatient.address, newWallet.address, CHAIN_ID));
        if (!ed25519.verify(hexToBytes(proof.slice(2)), message, registered.signingPublicKey, { zip215: false })) {
          request.flush(
            { error: { code: 'RECOVERY_PROOF_INVALID', message: 'proof refused' } },
            { status: 403, statusText: 'Forbidden' },
          );
          return;
        }
        request.flush({ patient: lostPatient.address, items: answer === 'wraps' ? [{ cid, recoveryWrappedKey }] : [] });
      },
      'PUT /api/documents/': (request) => {
        const body = request.request.body as StoreDocumentKeysBody;
        storedKeys.set(request.request.url.split('/')[3], body.keys[0].wrappedKey);
        request.flush(null, { status: 204, statusText: 'No Content' });
      },
      'GET /api/documents/': (request) => {
        const wrappedKey = storedKeys.get(request.request.url.split('/')[3]);
        if (!wrappedKey)
          request.flush(
            { error: { code: 'DOCUMENT_KEY_NOT_FOUND', message: 'none' } },
            { status: 404, statusText: 'Not Found' },
          );
        else request.flush({ cid, patient: lostPatient.address, recipient: newWallet.address, wrappedKey });
      },
    });
    await TestBed.inject(WalletConnection).connect();
    const fixture = TestBed.createComponent(RecoverDocuments);
    fixture.autoDetectChanges();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function submit(page: HTMLElement, code: Uint8Array): void {
    fillFields(page, { "The lost wallet's address": lostPatient.address, 'Recovery code': formatRecoveryCode(code) });
    clickButton(page, 'Recover documents');
  }

  test('When the right code is given, then the page says how many documents were recovered and where the records stay, and a recovered document opens', async () => {
    const page = await render('wraps');

    submit(page, registeredSecret);

    const status = await eventually(() => page.querySelector('[role="status"]'));
    await eventually(() => page.querySelector('button[aria-label="Open entry #1"]'));
    expect(status.textContent).toContain('1 document of');
    expect(status.textContent).toContain('the records stay under the old account on chain');
    (page.querySelector('button[aria-label="Open entry #1"]') as HTMLButtonElement).click();
    const viewer = await eventually(() => page.querySelector('ehr-document-viewer'));
    expect(viewer.textContent).toContain('scan.png');
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  test('When the code is wrong, then the page says so and lists nothing', async () => {
    const page = await render('wraps');

    submit(page, newRecoverySecret());

    const alert = await eventually(() => page.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('This recovery code is not the one');
    expect(page.querySelector('[role="status"]')).toBeNull();
  });

  test('When the lost wallet never registered a recovery code, then the page says its documents cannot be recovered', async () => {
    const page = await render('no recovery key');

    submit(page, registeredSecret);

    const alert = await eventually(() => page.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('never registered a recovery code');
  });

  test('When no document was wrapped for the code, then the page says there is nothing to recover', async () => {
    const page = await render('no wraps');

    submit(page, registeredSecret);

    const status = await eventually(() => page.querySelector('[role="status"]'));
    expect(status.textContent).toContain('Nothing to recover');
  });
});
