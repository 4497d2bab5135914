import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { recoveryClaimMessage, type RecoveryClaim, type StoreDocumentKeysBody } from '@api';
import { ed25519 } from '@noble/curves/ed25519';
import { hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils';
import { CHAIN_ID, devAccount } from '@test-support/dev-chain';
import { appConfigFor } from '../../testing/app-config.fixture';
import { MemoryRecordsContract, documentKeysOf, respond } from '../../testing/documents-fakes';
import { TestWallet } from '../../testing/test-wallet';
import { WalletConnection } from '../chain/wallet-connection';
import { unwrapKey, wrapKey } from './crypto';
import { DocumentRecovery, RecoveryError } from './document-recovery';
import { RecordsContract } from './records-contract';
import { formatRecoveryCode, newRecoverySecret, recoveryKeys } from './recovery-code';
import { wrappedKeyBytes, wrappedKeyHex } from './wrapped-key-hex';

const lostPatient = devAccount(210);
const newWallet = devAccount(211);
const cid = `Qm${'r'.repeat(44)}`;
const notFound = { status: 404, statusText: 'Not Found' };

/**
 * The server's side of a recovery as the document-keys component answers it: the claim is checked against the
 * signing key the lost patient registered (strict RFC 8032, as the server does), then the recovery wraps go out.
 */
function recoveryServer(registered: ReturnType<typeof recoveryKeys> | null, items: RecoveryClaim['items']) {
  return (request: Parameters<Parameters<typeof respond>[1][string]>[0]) => {
    if (!registered) {
      request.flush({ error: { code: 'RECOVERY_KEY_NOT_SET', message: 'none' } }, notFound);
      return;
    }
    const { proof } = request.request.body as { proof: string };
    const message = utf8ToBytes(recoveryClaimMessage(lostPatient.address, newWallet.address, CHAIN_ID));
    if (!ed25519.verify(hexToBytes(proof.slice(2)), message, registered.signingPublicKey, { zip215: false })) {
      request.flush(
        { error: { code: 'RECOVERY_PROOF_INVALID', message: 'proof: not a signature of this recovery claim' } },
        { status: 403, statusText: 'Forbidden' },
      );
      return;
    }
    request.flush({ patient: lostPatient.address, items });
  };
}

describe('DocumentRecovery (real crypto and signatures; the API through HttpTestingController)', () => {
  let server: ReturnType<typeof respond>;
  let stopAnnouncing: () => void;
  let contract: MemoryRecordsContract;
  let stored: { cid: string; body: StoreDocumentKeysBody }[];

  /** The lost patient registered `registeredSecret`'s keys and wrapped one document key for it at upload. */
  async function start(registeredSecret: Uint8Array | null) {
    const documentKey = randomBytes(32);
    const registered = registeredSecret ? recoveryKeys(registeredSecret) : null;
    const items = registered
      ? [{ cid, recoveryWrappedKey: wrappedKeyHex(await wrapKey(documentKey, registered.encryptionPublicKey)) }]
      : [];
    const mine = await documentKeysOf(newWallet, CHAIN_ID);
    stored = [];
    server = respond(TestBed.inject(HttpTestingController), {
      'GET /api/config': (request) => request.flush(appConfigFor()),
      [`POST /api/keys/recovery/${lostPatient.address}/claim`]: recoveryServer(registered, items),
      [`GET /api/keys/${newWallet.address}`]: (request) => request.flush(mine.published),
      'PUT /api/documents/': (request) => {
        stored.push({ cid: request.request.url.split('/')[3], body: request.request.body as StoreDocumentKeysBody });
        request.flush(null, { status: 204, statusText: 'No Content' });
      },
    });
    await TestBed.inject(WalletConnection).connect();
    return { documentKey, newWalletKeys: mine.keyPair };
  }

  beforeEach(() => {
    contract = new MemoryRecordsContract();
    stopAnnouncing = new TestWallet(newWallet).announceOn(window);
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: RecordsContract, useValue: contract }],
    });
  });

  afterEach(() => {
    server.stop();
    stopAnnouncing();
  });

  test("When the new wallet gives the lost wallet's printed code, then each document key is stored wrapped for the new wallet, and its own private key unwraps the same key", async () => {
    const secret = newRecoverySecret();
    const { documentKey, newWalletKeys } = await start(secret);

    const result = await TestBed.inject(DocumentRecovery).recover(
      lostPatient.address.toLowerCase(),
      formatRecoveryCode(secret).toUpperCase(),
    );

    expect(result).toEqual({ patient: lostPatient.address, recovered: [cid], failed: [] });
    expect(stored).toHaveLength(1);
    const [{ cid: storedCid, body }] = stored;
    expect(storedCid).toBe(cid);
    expect(body.patient).toBe(lostPatient.address);
    expect(body.recoveryWrappedKey).toBeUndefined();
    expect(body.keys.map((key) => key.recipient)).toEqual([newWallet.address]);
    await expect(unwrapKey(wrappedKeyBytes(body.keys[0].wrappedKey), newWalletKeys.privateKey)).resolves.toEqual(
      documentKey,
    );
  });

  test('When the code is not the one registered, then the proof is refused, the error says so, and nothing is stored', async () => {
    await start(newRecoverySecret());

    const recovering = TestBed.inject(DocumentRecovery).recover(
      lostPatient.address,
      formatRecoveryCode(newRecoverySecret()),
    );

    await expect(recovering).rejects.toBeInstanceOf(RecoveryError);
    await expect(recovering).rejects.toThrow(/not the one 0x.{4}….{4} registered.*nothing was recovered/);
    expect(server.log.some((line) => line.startsWith('PUT'))).toBe(false);
  });

  test('When the lost wallet never registered a recovery code, then the error says its documents cannot be recovered', async () => {
    await start(null);

    await expect(
      TestBed.inject(DocumentRecovery).recover(lostPatient.address, formatRecoveryCode(newRecoverySecret())),
    ).rejects.toThrow(/never registered a recovery code/);
  });

  test('When the code is mistyped, or the address is the signed-in wallet itself, then nothing is sent', async () => {
    await start(newRecoverySecret());
    const recovery = TestBed.inject(DocumentRecovery);

    await expect(recovery.recover(lostPatient.address, '3f2a-09bc')).rejects.toThrow(/64 hex digits/);
    await expect(recovery.recover(newWallet.address, formatRecoveryCode(newRecoverySecret()))).rejects.toThrow(
      /the wallet you are signed in with/,
    );
    await expect(recovery.recover('0x1234', formatRecoveryCode(newRecoverySecret()))).rejects.toThrow(
      /not an Ethereum address/,
    );
    expect(server.log.filter((line) => line.includes('/api/keys/recovery'))).toEqual([]);
  });

  test("When the recovered documents are listed, then the lost patient's chain entries are read past the first page and only recovered ones are kept, newest first", async () => {
    await start(newRecoverySecret());
    const bytes = Uint8Array.of(1);
    for (let index = 0; index < 130; index++) contract.anchor(lostPatient.address, `Qm${index}`, bytes);
    contract.anchor(newWallet.address, 'Qm5', bytes);

    const entries = await TestBed.inject(DocumentRecovery).recoveredEntries(lostPatient.address, ['Qm5', 'Qm120']);

    expect(entries.map((entry) => [entry.cid, entry.patient])).toEqual([
      ['Qm120', lostPatient.address],
      ['Qm5', lostPatient.address],
    ]);
  });
});
