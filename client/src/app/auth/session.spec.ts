import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Wallet, verifyMessage } from 'ethers';
import { firstValueFrom } from 'rxjs';
import { SiweMessage } from 'siwe';
import { CHAIN_ID } from '@test-support/dev-chain';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { TestWallet } from '../../testing/test-wallet';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import type { Account } from '@api';
import { Session } from './session';
import { sessionExpiryInterceptor } from './session-expiry';

describe('Session', () => {
  let wallet: TestWallet;
  let http: HttpTestingController;
  let stopAnnouncing: () => void;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([sessionExpiryInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    wallet = new TestWallet(Wallet.createRandom());
    stopAnnouncing = wallet.announceOn(window);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    http.expectOne('/api/config').flush(appConfigFor());
    await configLoaded;
    await TestBed.inject(WalletConnection).connect();
  });

  afterEach(() => stopAnnouncing());

  async function signIn(session: Session): Promise<{ message: string; signature: string; account: Account }> {
    const signedIn = session.signIn();
    // match() hands over (and removes) the request once the service has sent it.
    (await eventually(() => http.match('/api/auth/nonce')[0])).flush({ nonce: 'n0nceFromServer42' });
    const verify = await eventually(() => http.match({ method: 'POST', url: '/api/auth/verify' })[0]);
    const body = verify.request.body as { message: string; signature: string };
    const account: Account = { address: wallet.address, roles: [], doctorStatus: 'none' };
    verify.flush(account);
    await signedIn;
    return { ...body, account };
  }

  it('When signing in, then the wallet signs an EIP-4361 message for this site, chain and server nonce', async () => {
    const session = TestBed.inject(Session);

    const { message, signature, account } = await signIn(session);

    const siwe = new SiweMessage(message);
    expect(siwe.domain).toBe(location.host);
    expect(siwe.uri).toBe(location.origin);
    expect(siwe.chainId).toBe(CHAIN_ID);
    expect(siwe.nonce).toBe('n0nceFromServer42');
    expect(siwe.address).toBe(wallet.address);
    expect(siwe.statement).toBe('Sign in to EHR Hospital');
    expect(Date.parse(siwe.expirationTime!) - Date.parse(siwe.issuedAt!)).toBe(10 * 60 * 1000);
    expect(verifyMessage(message, signature)).toBe(wallet.address);
    expect(session.account()).toEqual(account);
  });

  it('When the person switches to another account in the wallet, then the session is signed out', async () => {
    const session = TestBed.inject(Session);
    await signIn(session);

    wallet.emit('accountsChanged', [Wallet.createRandom().address]);

    // The wallet service checksums the new address first (ethers is imported on demand), so it lands a tick later.
    expect(await eventually(() => !session.signedIn())).toBe(true);
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null, { status: 204, statusText: 'No Content' });
  });

  it('When the server has no session for this browser, then restoring leaves the person signed out', async () => {
    const session = TestBed.inject(Session);

    const restored = session.restore();
    http
      .expectOne('/api/me')
      .flush({ error: { code: 'UNAUTHENTICATED', message: 'Sign in' } }, { status: 401, statusText: 'Unauthorized' });

    expect(await restored).toBeNull();
    expect(session.signedIn()).toBe(false);
  });

  it('When the server has ended the session (idle) and an API call answers 401, then the UI signs out and says why', async () => {
    const session = TestBed.inject(Session);
    await signIn(session);
    expect(session.signedIn()).toBe(true);

    const call = firstValueFrom(TestBed.inject(HttpClient).get('/api/doctors')).catch(() => undefined);
    http
      .expectOne('/api/doctors')
      .flush(
        { error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } },
        { status: 401, statusText: 'Unauthorized' },
      );
    await call;

    expect(session.signedIn()).toBe(false);
    expect(session.endedByServer()).toBe(true);
    // Signing in again clears it.
    await signIn(session);
    expect(session.endedByServer()).toBe(false);
  });
});
