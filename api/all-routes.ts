/** Every route the server serves, by domain: the OpenAPI document is generated from this list. */
import { ACTIVITY_ROUTES } from './activity';

export const API_ROUTES = [...ACTIVITY_ROUTES] as const;
