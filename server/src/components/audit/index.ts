/**
 * Audit: the append-only, hash-chained log of every read of a patient's health data by someone else,
 * allowed or denied. Other components write it through `recordAccess`; patients read their own entries,
 * admins search all and verify the chain.
 */
import { Registry__factory } from '@contracts/types';
import type { Component } from '../component';
import { auditRoutes } from './entry-points/api/audit-routes';

export { recordAccess, type AccessReport } from './domain/record-access';

export const auditComponent: Component = {
  name: 'audit',
  contracts: ['Registry'],
  apiRoutes: ({ chain }) => auditRoutes({ registry: chain.contract('Registry', Registry__factory) }),
};
