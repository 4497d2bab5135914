import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CHAIN_ID, devAccount } from '@test-support/dev-chain';
import type { PublishKeyBody } from '@api';
import { appConfigFor } from '../../testing/app-config.fixture';
import { documentKeysOf, respond } from '../../testing/documents-fakes';
import { TestWallet } from '../../testing/test-wallet';
import { WalletConnection } from '../chain/wallet-connection';
import { publicKeyToHex, verifyPublishedKey } from './crypto';
import { DocumentKeyring } from './document-keys.service';

const me = devAccount(193);
const doctor = devAccount(194);
const impostor = devAccount(195);
const notFound = { error: { code: 'KEY_NOT_PUBLISHED', message: 'none' } };

describe('DocumentKeyring', () => {
  let server: ReturnType<typeof respond>;
  let stopAnnouncing: () => void;
  let wallet: TestWallet;

  async function start(handlers: Parameters<typeof respond>[1]): Promise<DocumentKeyring> {
    wallet = new TestWallet(me);
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    server = respond(TestBed.inject(HttpTestingController), {
      'GET /api/config': (request) => request.flush(appConfigFor()),
      ...handlers,
    });
    await TestBed.inject(WalletConnection).connect();
    return TestBed.inject(DocumentKeyring);
  }

  afterEach(() => {
    server.stop();
    stopAnnouncing();
  });

  test('When my key is not published, then the wallet signs once to derive it, it is published with a valid signature, and the session reuses it', async () => {
    let published: PublishKeyBody | undefined;
    const keyring = await start({
      [`GET /api/keys/${me.address}`]: (request) => request.flush(notFound, { status: 404, statusText: 'Not Found' }),
      'PUT /api/keys/me': (request) => {
        published = request.request.body as PublishKeyBody;
        request.flush({
          ...published,
          address: me.address,
          chainId: CHAIN_ID,
          publishedAt: '2026-01-01T00:00:00.000Z',
        });
      },
    });

    const first = await keyring.myKeyPair();
    const again = await keyring.myKeyPair();

    expect(again).toBe(first);
    expect(first.publicKey).toEqual((await documentKeysOf(me, CHAIN_ID)).keyPair.publicKey);
    expect(published?.publicKey).toBe(publicKeyToHex(first.publicKey));
    expect(verifyPublishedKey({ ...published!, address: me.address, chainId: CHAIN_ID })).toBe(true);
    // One signature derives the key, one publishes it; none after that.
    expect(wallet.methods().filter((method) => method === 'personal_sign')).toHaveLength(2);
  });

  test("When a doctor's published key checks out, then it is used; when the server serves a key someone else signed, then it is refused", async () => {
    const genuine = await documentKeysOf(doctor, CHAIN_ID);
    const forged = await documentKeysOf(impostor, CHAIN_ID);
    const keyring = await start({
      [`GET /api/keys/${doctor.address}`]: (request) => request.flush(genuine.published),
      [`GET /api/keys/${impostor.address}`]: (request) =>
        // The impostor's key and signature, served as if they were the doctor's own.
        request.flush({ ...forged.published, address: doctor.address }),
    });

    await expect(keyring.publicKeyOf(doctor.address)).resolves.toEqual(genuine.keyPair.publicKey);
    server.stop();
    server = respond(TestBed.inject(HttpTestingController), {
      [`GET /api/keys/${doctor.address}`]: (request) => request.flush({ ...forged.published, address: doctor.address }),
    });
    await expect(keyring.publicKeyOf(doctor.address)).rejects.toThrow(/signature invalid/);
  });

  test('When someone has not published a key, then the error says they have not set up document encryption', async () => {
    const keyring = await start({
      [`GET /api/keys/${doctor.address}`]: (request) =>
        request.flush(notFound, { status: 404, statusText: 'Not Found' }),
    });

    await expect(keyring.publicKeyOf(doctor.address)).rejects.toThrow(
      `${doctor.address.slice(0, 6)}…${doctor.address.slice(-4)} has not set up document encryption yet`,
    );
  });
});
