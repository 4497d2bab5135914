/**
 * /api/fhir: a patient's record as an HL7 FHIR R4 Bundle (type `collection`), the `$everything` operation of
 * FHIR's Patient. The body is FHIR JSON (application/fhir+json), typed with @medplum/fhirtypes and checked by
 * the tests against the R4 JSON schema (docs/decisions/0018-fhir-export.md), so no zod schema describes it.
 */
import { z } from 'zod';
import type { Bundle } from '@medplum/fhirtypes';
import { AddressSchema } from './address';
import { FHIR_CONTENT_TYPE } from './fhir-uris';
import { routes } from './route-spec';

/** The export's FHIR Bundle (Patient, Practitioners, Appointments, DocumentReferences, Consents, Provenance). */
export type FhirBundle = Bundle;

export { EHR_FHIR, FHIR_CONTENT_TYPE, FHIR_URIS } from './fhir-uris';

/** GET /api/fhir/Patient/:address/$everything */
export const FhirPatientParamsSchema = z.object({ address: AddressSchema });

export const FHIR_ROUTES = routes([
  {
    method: 'get',
    // Express 5 reads `$` literally (not a path-to-regexp token): the FHIR operation name as is.
    path: '/api/fhir/Patient/:address/$everything',
    summary:
      "A patient's record as a FHIR R4 Bundle (collection): Patient, Practitioners, Appointments, DocumentReferences (ipfs:// ciphertext, never plaintext), active Consents and Provenance of the chain anchors. The patient, admins and doctors with current access (Consent.hasAccess); every read by someone else, allowed or refused, is in the access log.",
    access: 'session',
    params: FhirPatientParamsSchema,
    contentType: FHIR_CONTENT_TYPE,
    errors: ['FHIR_NO_ACCESS', 'FHIR_PATIENT_NOT_FOUND'],
  },
]);
