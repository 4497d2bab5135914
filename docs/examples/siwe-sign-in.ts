/**
 * Signs in to the EHR Hospital API as any EIP-4361 client would, without a browser:
 * GET /api/auth/nonce → sign the message → POST /api/auth/verify → GET /api/me → POST /api/auth/logout.
 *
 *   APP_URL=http://127.0.0.1:3000 PRIVATE_KEY=0x... npx tsx docs/examples/siwe-sign-in.ts
 *
 * APP_URL must be the origin the server expects: PUBLIC_ORIGIN when it is set, otherwise the host you
 * connect to (the server compares the message's domain with the request's Host header).
 */
import { Wallet } from 'ethers';
import { SiweMessage } from 'siwe';

const appUrl = new URL(process.env.APP_URL ?? 'http://127.0.0.1:3000');
// Dev account #0 (the admin) of the public test mnemonic: DEV ONLY.
const wallet = new Wallet(
  process.env.PRIVATE_KEY ?? '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
);

async function api(path: string, init: RequestInit = {}, cookie?: string): Promise<Response> {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('Cookie', cookie);
  if (init.body) headers.set('Content-Type', 'application/json');
  return fetch(new URL(path, appUrl), { ...init, headers });
}

async function main(): Promise<void> {
  // 1. The chain id the server expects (GET /api/config) and a fresh single-use nonce.
  const { chainId } = (await (await api('/api/config')).json()) as { chainId: number };
  const { nonce } = (await (await api('/api/auth/nonce')).json()) as { nonce: string };

  // 2. The EIP-4361 message: domain = host[:port], uri on the same origin, the server's chain id.
  const message = new SiweMessage({
    domain: appUrl.host,
    address: wallet.address,
    statement: 'Sign in to EHR Hospital',
    uri: appUrl.origin,
    version: '1',
    chainId,
    nonce,
    issuedAt: new Date().toISOString(),
    expirationTime: new Date(Date.now() + 10 * 60_000).toISOString(),
  }).prepareMessage();

  // 3. personal_sign (EIP-191) of the message text; ethers' Wallet.signMessage does exactly that.
  const signature = await wallet.signMessage(message);
  const verify = await api('/api/auth/verify', { method: 'POST', body: JSON.stringify({ message, signature }) });
  if (!verify.ok) throw new Error(`verify: ${verify.status} ${await verify.text()}`);
  console.log('verify', verify.status, await verify.json());

  // 4. Keep only name=value of the ehr_session cookie and send it back on later calls.
  const cookie = verify.headers
    .getSetCookie()
    .find((c) => c.startsWith('ehr_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('no ehr_session cookie');

  const me = await api('/api/me', {}, cookie);
  console.log('me', me.status, await me.json());

  const logout = await api('/api/auth/logout', { method: 'POST' }, cookie);
  console.log('logout', logout.status);

  const after = await api('/api/me', {}, cookie);
  console.log('me after logout', after.status, await after.json());
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
