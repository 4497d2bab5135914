/**
 * The FHIR export's media type and the URIs of its identifier systems, code systems and extensions, as plain
 * values (no zod): the server writes them into the Bundle and the client bundle reads them back.
 */
export const FHIR_CONTENT_TYPE = 'application/fhir+json';

/**
 * Where the app's own FHIR identifiers, code systems and extensions are named, and the base of the Bundle
 * entries' fullUrl (a name for each resource so references resolve inside the Bundle; only $everything is served).
 */
export const EHR_FHIR = 'https://ehr-hospital.example/fhir';

/** The URIs of the export's identifier systems, code systems and extensions (one place for server and client). */
export const FHIR_URIS = {
  /** CAIP-10 account ids (`eip155:<chainId>:<address>`): the wallet a Patient or Practitioner signs in with. */
  account: 'https://chainagnostic.org/CAIPs/caip-10',
  /** Any URI as an identifier value; used for the RFC 6920 `ni:///sha-256;…` name of the anchored ciphertext. */
  uri: 'urn:ietf:rfc:3986',
  recordEntry: `${EHR_FHIR}/sid/record-entry`,
  appointment: `${EHR_FHIR}/sid/appointment`,
  recordKind: `${EHR_FHIR}/CodeSystem/record-kind`,
  speciality: `${EHR_FHIR}/CodeSystem/speciality`,
  appointmentStatus: `${EHR_FHIR}/CodeSystem/appointment-status`,
  /** Extension on Attachment: the ciphertext's SHA-256 exactly as the Records contract anchors it (0x + hex). */
  contentSha256: `${EHR_FHIR}/StructureDefinition/content-sha256`,
  /** Extension on Appointment: the app's own status code (the FHIR status is its closest match). */
  appStatus: `${EHR_FHIR}/StructureDefinition/appointment-app-status`,
  /** Extensions on Provenance and Consent: where on chain the fact was recorded. */
  chainId: `${EHR_FHIR}/StructureDefinition/chain-id`,
  transactionHash: `${EHR_FHIR}/StructureDefinition/chain-transaction-hash`,
  blockNumber: `${EHR_FHIR}/StructureDefinition/chain-block-number`,
} as const;
