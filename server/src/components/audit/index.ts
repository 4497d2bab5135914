/**
 * Audit: the append-only, hash-chained log of every read of a patient's health data by someone else,
 * allowed or denied. Other components write it through `recordAccess`; patients read their own entries,
 * admins search all and verify the chain. The head is anchored on chain by `createAuditAnchoring`,
 * which the runtime starts (docs/decisions/0013-audit-anchoring.md).
 */
import { Anchoring__factory, Registry__factory } from '@contracts/types';
import type { Component } from '../component';
import { auditRoutes } from './entry-points/api/audit-routes';

export { recordAccess, type AccessReport } from './domain/record-access';
export { createAuditAnchoring, type AuditAnchoring } from './domain/audit-anchoring';
export { countEntriesOf as countAuditEntriesOf } from './data-access/audit-store';

export const auditComponent: Component = {
  name: 'audit',
  contracts: ['Registry', 'Anchoring'],
  apiRoutes: ({ chain, config }) =>
    auditRoutes({
      registry: chain.contract('Registry', Registry__factory),
      anchoring: chain.contract('Anchoring', Anchoring__factory),
      anchoringOn: Boolean(config.auditAnchorPrivateKey),
    }),
};
