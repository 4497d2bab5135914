/**
 * What a wallet does to sign in: ask for a nonce, sign an EIP-4361 message, post it.
 */
import type { HDNodeWallet } from 'ethers';
import { SiweMessage } from 'siwe';
import type { Agent } from 'supertest';
import { CHAIN_ID } from '@test-support/dev-chain';
import { PUBLIC_ORIGIN } from './test-app';

export interface SignInFields {
  domain?: string;
  uri?: string;
  chainId?: number;
  nonce?: string;
  issuedAt?: Date;
  expirationTime?: Date;
  notBefore?: Date;
}

export async function fetchNonce(agent: Agent): Promise<string> {
  const response = await agent.get('/api/auth/nonce').expect(200);
  return (response.body as { nonce: string }).nonce;
}

export async function signedSignIn(
  agent: Agent,
  wallet: HDNodeWallet,
  fields: SignInFields = {},
): Promise<{ message: string; signature: string }> {
  const site = new URL(PUBLIC_ORIGIN);
  const message = new SiweMessage({
    domain: fields.domain ?? site.host,
    address: wallet.address,
    statement: 'Sign in to EHR Hospital.',
    uri: fields.uri ?? site.origin,
    version: '1',
    chainId: fields.chainId ?? CHAIN_ID,
    nonce: fields.nonce ?? (await fetchNonce(agent)),
    issuedAt: (fields.issuedAt ?? new Date()).toISOString(),
    ...(fields.expirationTime && { expirationTime: fields.expirationTime.toISOString() }),
    ...(fields.notBefore && { notBefore: fields.notBefore.toISOString() }),
  }).prepareMessage();
  return { message, signature: await wallet.signMessage(message) };
}

/** Signs in `wallet` on `agent` (which keeps the session cookie) and returns the response body. */
export async function signIn(
  agent: Agent,
  wallet: HDNodeWallet,
): Promise<{ address: string; roles: string[]; doctorStatus: string }> {
  const response = await agent
    .post('/api/auth/verify')
    .send(await signedSignIn(agent, wallet))
    .expect(200);
  return response.body as { address: string; roles: string[]; doctorStatus: string };
}
