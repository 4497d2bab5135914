/**
 * Activity: each account's timeline of what happened to it and its data. Chain events come through
 * this component's own event sources (Registry, Consent, Appointments, Records); off-chain events are
 * reported by other components through `recordActivity`.
 */
import { Registry__factory } from '@contracts/types';
import type { Component } from '../component';
import { activityRoutes } from './entry-points/api/activity-routes';
import { activityEventSources } from './entry-points/chain-events/activity-sources';

export { recordActivity, type ActivityReport } from './domain/report-activity';

export { deleteEntriesNaming as eraseActivityData } from './data-access/activity-store';
export const activityComponent: Component = {
  name: 'activity',
  contracts: ['Registry', 'Consent', 'Appointments', 'Records'],
  apiRoutes: ({ chain }) => activityRoutes({ registry: chain.contract('Registry', Registry__factory) }),
  eventSources: activityEventSources,
};
