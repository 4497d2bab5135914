/**
 * One browser tab of the app, in Node: the client's own services (RecordsContract → TransactionRunner →
 * ChainContracts → WalletConnection → WalletDiscovery, TransactionsApi → HttpClient) built by Angular's real
 * injector with the providers of client/src/app/app.config.ts that concern them (zoneless, HttpClient over
 * fetch with the session-expiry interceptor), compiled JIT (@angular/compiler), as the client specs build them.
 * What Node lacks of a browser is given here and only that: a window the wallet announces itself on (EIP-6963),
 * and what a browser adds to every same-origin API call — the page's origin before the relative URL, the Origin
 * header and the session cookie (SIWE sign-in, as the app's sign-in posts it).
 */
import './angular-jit';
import {
  DOCUMENT,
  ɵINJECTOR_SCOPE,
  Injector,
  createEnvironmentInjector,
  provideZonelessChangeDetection,
  type EnvironmentInjector,
} from '@angular/core';
import { provideHttpClient, withFetch, withInterceptors, type HttpInterceptorFn } from '@angular/common/http';
import { SiweMessage } from 'siwe';
import type { AnnouncedWallet } from '../../client/src/app/chain/eip1193';
import { AppConfigStore } from '../../client/src/app/chain/app-config';
import { WalletConnection } from '../../client/src/app/chain/wallet-connection';
import { TransactionRunner } from '../../client/src/app/chain/transaction-runner';
import { RecordsContract } from '../../client/src/app/documents/records-contract';
import { sessionExpiryInterceptor } from '../../client/src/app/auth/session-expiry';
import type { BenchWallet } from './bench-wallet';

export interface BrowserTab {
  records: RecordsContract;
  runner: TransactionRunner;
}

/** A window with only EIP-6963: the wallet answers `eip6963:requestProvider` as an installed extension does. */
function windowWith(wallet: BenchWallet): EventTarget {
  const window = new EventTarget();
  const detail: AnnouncedWallet = {
    info: { uuid: crypto.randomUUID(), name: 'MetaMask', icon: 'data:,', rdns: 'io.metamask' },
    provider: wallet,
  };
  window.addEventListener('eip6963:requestProvider', () =>
    window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail })),
  );
  return window;
}

/** Signs `wallet` in (EIP-4361) and answers the session cookie. */
async function signIn(appUrl: string, wallet: BenchWallet, chainId: number): Promise<string> {
  const site = new URL(appUrl);
  const { nonce } = (await (await fetch(`${appUrl}/api/auth/nonce`)).json()) as { nonce: string };
  const message = new SiweMessage({
    domain: site.host,
    address: wallet.address,
    statement: 'Sign in to EHR Hospital.',
    uri: site.origin,
    version: '1',
    chainId,
    nonce,
    issuedAt: new Date().toISOString(),
  }).prepareMessage();
  const response = await fetch(`${appUrl}/api/auth/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: site.origin },
    body: JSON.stringify({ message, signature: await wallet.signer.signMessage(message) }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookie;
}

/** Opens the app as `wallet`'s owner: signed in, config loaded, wallet connected, as after the sign-in page. */
export async function openBrowserTab(appUrl: string, wallet: BenchWallet, chainId: number): Promise<BrowserTab> {
  const cookie = await signIn(appUrl, wallet, chainId);
  const sameOrigin: HttpInterceptorFn = (request, next) =>
    next(
      request.clone({
        url: new URL(request.url, appUrl).href,
        setHeaders: { cookie, ...(request.method !== 'GET' && { origin: new URL(appUrl).origin }) },
      }),
    );
  // Injector.create answers an R3Injector, the class of every environment injector (as the platform's is).
  const platform = Injector.create({ providers: [] }) as EnvironmentInjector;
  const injector = createEnvironmentInjector(
    [
      // The scope an application's root injector has, so the services' `providedIn: 'root'` resolve here.
      { provide: ɵINJECTOR_SCOPE, useValue: 'root' },
      provideZonelessChangeDetection(),
      provideHttpClient(withFetch(), withInterceptors([sessionExpiryInterceptor, sameOrigin])),
      { provide: DOCUMENT, useValue: { defaultView: windowWith(wallet) } },
    ],
    platform,
    'bench browser tab',
  );
  await injector.get(AppConfigStore).load();
  if (!(await injector.get(WalletConnection).connect())) throw new Error('the wallet did not connect');
  return { records: injector.get(RecordsContract), runner: injector.get(TransactionRunner) };
}
