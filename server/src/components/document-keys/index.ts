/**
 * Document keys: each account's published X25519 public key, the wrapped keys of every patient document
 * (served to others only on a live ground such as Consent.hasAccess, and logged), the patient's sharing
 * choices and the recovery key with its claims.
 */
import { Router } from 'express';
import { Consent__factory, EmergencyAccess__factory, Registry__factory } from '@contracts/types';
import type { Component } from '../component';
import { chainRoles } from './data-access/chain-roles';
import type { DocumentKeysContext } from './domain/document-keys-context';
import { documentRoutes } from './entry-points/api/document-routes';
import { keyRoutes } from './entry-points/api/key-routes';

export { ACCESS_GROUNDS, type AccessGround } from './domain/access-grounds';
export { storeKeysForReader } from './domain/reader-keys';
export { findPublishedKey, type PublishedKeyRecord } from './data-access/published-key-store';

export { documentKeyCidsOf, eraseDocumentKeysData } from './domain/document-keys-erasure';
export const documentKeysComponent: Component = {
  name: 'document-keys',
  contracts: ['Consent', 'Registry', 'EmergencyAccess'],
  apiRoutes: ({ config, chain, limitWrites }) => {
    const context: DocumentKeysContext = {
      roles: chainRoles({
        registry: chain.contract('Registry', Registry__factory),
        consent: chain.contract('Consent', Consent__factory),
        emergency: chain.contract('EmergencyAccess', EmergencyAccess__factory),
      }),
      chainId: config.chainId,
    };
    return Router().use(keyRoutes(context, limitWrites), documentRoutes(context, limitWrites));
  },
};
