/** Every route the API serves, by domain (the OpenAPI document and its completeness test read this list). */
import { ADMIN_ROUTES } from './admins';
import { PATIENT_ROUTES } from './patients';

export const API_ROUTES = [...PATIENT_ROUTES, ...ADMIN_ROUTES] as const;
