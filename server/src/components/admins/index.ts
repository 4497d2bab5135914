/** Admins: who they are, read live from the Registry. The Registry itself guards adding and removing them. */
import { Registry__factory } from '@contracts/types';
import type { Component } from '../component';
import { adminRoutes } from './entry-points/api/admin-routes';

export const adminsComponent: Component = {
  name: 'admins',
  contracts: ['Registry'],
  apiRoutes: ({ chain }) => adminRoutes({ registry: chain.contract('Registry', Registry__factory) }),
};
