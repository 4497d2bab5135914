/**
 * Every route the server serves under /api, one list per domain file. The OpenAPI document
 * (/api/openapi.json) is generated from this list, and a server test fails when a served route is
 * missing from it or a listed one is not served. A new domain adds its `...X_ROUTES` line here.
 */
import { ACTIVITY_ROUTES } from './activity';
import { ADMIN_ROUTES } from './admins';
import { APPOINTMENT_ROUTES } from './appointments';
import { AUDIT_ROUTES } from './audit';
import { AUTH_ROUTES } from './auth';
import { CONSENT_ROUTES } from './consent';
import { DOCTOR_ROUTES } from './doctors';
import { DOCUMENT_KEY_ROUTES } from './document-keys';
import { EMERGENCY_ROUTES } from './emergency';
import { ERASURE_ROUTES } from './erasure';
import { FHIR_ROUTES } from './fhir';
import { IPFS_ROUTES } from './ipfs';
import { PATIENT_ROUTES } from './patients';
import { PLATFORM_ROUTES } from './platform';
import { PRACTICE_ROUTES } from './practice';
import { RECORD_ROUTES } from './records';
import { RESEARCH_ROUTES } from './research';
import { STATS_ROUTES } from './stats';
import { TRANSACTION_ROUTES } from './transactions';

export const API_ROUTES = [
  ...PLATFORM_ROUTES,
  ...AUTH_ROUTES,
  ...DOCTOR_ROUTES,
  ...PATIENT_ROUTES,
  ...ADMIN_ROUTES,
  ...CONSENT_ROUTES,
  ...ACTIVITY_ROUTES,
  ...TRANSACTION_ROUTES,
  ...STATS_ROUTES,
  ...APPOINTMENT_ROUTES,
  ...PRACTICE_ROUTES,
  ...AUDIT_ROUTES,
  ...IPFS_ROUTES,
  ...RECORD_ROUTES,
  ...DOCUMENT_KEY_ROUTES,
  ...EMERGENCY_ROUTES,
  ...ERASURE_ROUTES,
  ...FHIR_ROUTES,
  ...RESEARCH_ROUTES,
] as const;
