/**
 * The clinic's emergency key: its X25519 public key is on chain (EmergencyAccess.emergencyKey, set by an
 * admin); its private key exists only wrapped for admins' published document keys, stored here by the
 * admin browser that generated the pair. The server holds wraps it cannot open.
 */
import type { z } from 'zod';
import type { ClinicKeyWrap, ClinicKeyWraps, ClinicKeyWrapsBodySchema } from '@api';
import { AppError, notFound } from '../../../libraries/errors';
import { findPublishedKey } from '../../document-keys';
import { findClinicKeyHolders, findClinicKeyWrap, saveClinicKeyWraps } from '../data-access/clinic-key-wrap-store';
import { accountOf, assertAdmin, clinicKeyOnChain, type EmergencyChain } from './emergency-context';

export const clinicKeyNotSet = () =>
  new AppError(
    409,
    'EMERGENCY_KEY_NOT_SET',
    'No clinic emergency key is set on chain yet (EmergencyAccess.setEmergencyKey)',
  );

/** The chain's clinic key, which `publicKey` must be (a wrap for another key would be useless or planted). */
export async function assertCurrentClinicKey(chain: EmergencyChain, publicKey: string): Promise<string> {
  const current = await clinicKeyOnChain(chain);
  if (!current) throw clinicKeyNotSet();
  if (current !== publicKey.toLowerCase()) {
    throw new AppError(
      409,
      'EMERGENCY_KEY_MISMATCH',
      `publicKey: is not the clinic emergency key on chain (${current})`,
    );
  }
  return current;
}

/** PUT /api/emergency/clinic-key/wraps */
export async function storeClinicKeyWraps(
  chain: EmergencyChain,
  caller: string,
  body: z.output<typeof ClinicKeyWrapsBodySchema>,
): Promise<ClinicKeyWraps> {
  const wrappedBy = accountOf(caller);
  await assertAdmin(chain, wrappedBy, 'store wraps of the clinic emergency key');
  const publicKey = await assertCurrentClinicKey(chain, body.publicKey);
  for (const { admin } of body.wraps) {
    const [isAdmin, published] = await Promise.all([chain.registry.isAdmin(admin), findPublishedKey(admin)]);
    if (!isAdmin || !published) {
      throw new AppError(
        409,
        'EMERGENCY_WRAP_NOT_ADMIN',
        `wraps: ${admin} is not an admin with a published document key`,
      );
    }
  }
  const wrappedAt = new Date();
  await saveClinicKeyWraps(
    body.wraps.map(({ admin, wrappedKey }) => ({
      publicKey,
      admin: accountOf(admin),
      wrappedKey,
      wrappedBy,
      wrappedAt,
    })),
  );
  return { publicKey, admins: await findClinicKeyHolders(publicKey) };
}

/** GET /api/emergency/clinic-key/wraps */
export async function clinicKeyHolders(chain: EmergencyChain, caller: string): Promise<ClinicKeyWraps> {
  await assertAdmin(chain, accountOf(caller), 'see who holds the clinic emergency key');
  const publicKey = await clinicKeyOnChain(chain);
  return { publicKey, admins: publicKey ? await findClinicKeyHolders(publicKey) : [] };
}

/** GET /api/emergency/clinic-key/wraps/me */
export async function ownClinicKeyWrap(chain: EmergencyChain, caller: string): Promise<ClinicKeyWrap> {
  const admin = accountOf(caller);
  await assertAdmin(chain, admin, 'hold the clinic emergency key');
  const publicKey = await clinicKeyOnChain(chain);
  if (!publicKey) throw clinicKeyNotSet();
  const wrap = await findClinicKeyWrap(publicKey, admin);
  if (!wrap)
    throw notFound('No wrap of the current clinic emergency key is stored for you', 'EMERGENCY_WRAP_NOT_FOUND');
  return { ...wrap, wrappedAt: wrap.wrappedAt.toISOString() };
}
