/**
 * Published public keys: an account publishes its X25519 key with its wallet's signature over
 * publishedKeyMessage(key, its own address, this chain). The server checks the signature so nobody
 * publishes a key under another account's name, and serves it with the signature so every browser can
 * check it too (the server only relays; it cannot substitute a key).
 */
import { publishedKeyMessage, type PublishKeyBody, type PublishedKeyView } from '@api';
import { AppError, notFound } from '../../../libraries/errors';
import { findPublishedKey, savePublishedKey, type PublishedKeyRecord } from '../data-access/published-key-store';
import { accountOf, type DocumentKeysContext } from './document-keys-context';
import { isWalletSignature } from './signed-statements';

const toView = (record: PublishedKeyRecord): PublishedKeyView => ({
  address: record.address,
  publicKey: record.publicKey,
  chainId: record.chainId,
  signature: record.signature,
  publishedAt: record.publishedAt.toISOString(),
});

/** PUT /api/keys/me */
export async function publishKey(
  context: DocumentKeysContext,
  caller: string,
  body: PublishKeyBody,
): Promise<PublishedKeyView> {
  const address = accountOf(caller);
  const message = publishedKeyMessage(body.publicKey, address, context.chainId);
  if (!isWalletSignature(message, body.signature, address)) {
    throw new AppError(
      400,
      'KEY_SIGNATURE_INVALID',
      `signature: not this account's wallet signature over the published-key statement for chain ${context.chainId}`,
    );
  }
  const record = {
    address,
    publicKey: body.publicKey,
    chainId: context.chainId,
    signature: body.signature,
    publishedAt: new Date(),
  };
  await savePublishedKey(record);
  return toView(record);
}

/** GET /api/keys/:address */
export async function readPublishedKey(address: string): Promise<PublishedKeyView> {
  const record = await findPublishedKey(accountOf(address));
  if (!record) throw notFound(`${address} has not set up document encryption yet`, 'KEY_NOT_PUBLISHED');
  return toView(record);
}
