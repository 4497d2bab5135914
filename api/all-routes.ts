import { STATS_ROUTES } from './stats';
import { TRANSACTION_ROUTES } from './transactions';

export const API_ROUTES = [...TRANSACTION_ROUTES, ...STATS_ROUTES] as const;
