/** Every route the API serves, described (the OpenAPI document is generated from this list). */
import { DOCTOR_ROUTES } from './doctors';

export const API_ROUTES = [...DOCTOR_ROUTES] as const;
