/**
 * The app's facts as FHIR R4 resources: pure functions over what the read models and the chain hold, with no
 * I/O. Nothing here reads a document's contents or a patient's health fields: a DocumentReference points at
 * the ciphertext (ipfs://CID, its anchored SHA-256, the envelope's media type), never at what it says.
 * Resource ids are the wallet address (Patient, Practitioner) or the on-chain id with a prefix.
 */
import type {
  Appointment,
  Consent,
  DocumentReference,
  Extension,
  Identifier,
  Patient,
  Practitioner,
  Provenance,
  Reference,
} from '@medplum/fhirtypes';
import { DOCUMENT_ENVELOPE_CONTENT_TYPE, FHIR_URIS, SPECIALITIES } from '@api';
import type { AppointmentRecord } from '../../appointments';
import type { DoctorSummary } from '../../doctors';
import type { PatientProfileRecord } from '../../patients';
import type { RecordEntryRecord } from '../../records';
import type { ActiveGrant } from '../data-access/chain-grants';
import { APPOINTMENT_STATUS_TO_FHIR, recordKindConcept, SEX_TO_ADMINISTRATIVE_GENDER } from './fhir-codes';

const sameAccount = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
/** Who wrote an entry: the patient themselves, or a doctor. */
const authorRef = (entry: RecordEntryRecord): Reference<Patient | Practitioner> =>
  sameAccount(entry.author, entry.patient) ? patientRef(entry.author) : practitionerRef(entry.author);

export const patientRef = (address: string): Reference<Patient> => ({ reference: `Patient/${address}` });
export const practitionerRef = (address: string): Reference<Practitioner> => ({
  reference: `Practitioner/${address}`,
});
export const documentId = (entryId: number) => `record-${entryId}`;
export const documentRef = (entryId: number): Reference<DocumentReference> => ({
  reference: `DocumentReference/${documentId(entryId)}`,
});

const accountIdentifier = (chainId: number, address: string): Identifier => ({
  use: 'official',
  system: FHIR_URIS.account,
  value: `eip155:${chainId}:${address}`,
});

/** The chain coordinates of a fact, as extensions (Provenance and Consent have no identifier for them). */
const chainExtensions = (chainId: number, transactionHash: string, blockNumber: number): Extension[] => [
  { url: FHIR_URIS.chainId, valueString: `eip155:${chainId}` },
  { url: FHIR_URIS.transactionHash, valueString: transactionHash },
  { url: FHIR_URIS.blockNumber, valueUnsignedInt: blockNumber },
];

/** RFC 6920 names a digest as a URI: `ni:///sha-256;<base64url>`, a standard way to say "the bytes with this hash". */
export function niSha256(contentHash: string): string {
  return `ni:///sha-256;${Buffer.from(contentHash.slice(2), 'hex').toString('base64url')}`;
}

/** The patient's demographics only: name, gender, birth date, contact and city/state; never their health fields. */
export function toPatient(address: string, chainId: number, profile: PatientProfileRecord | null): Patient {
  return {
    resourceType: 'Patient',
    id: address,
    identifier: [accountIdentifier(chainId, address)],
    ...(profile && {
      name: [
        {
          use: 'official',
          family: profile.lastName,
          given: [profile.firstName],
          text: `${profile.firstName} ${profile.lastName}`,
        },
      ],
      gender: SEX_TO_ADMINISTRATIVE_GENDER[profile.sex],
      birthDate: profile.dateOfBirth,
      telecom: [
        { system: 'email', value: profile.email },
        { system: 'phone', use: 'mobile', value: profile.mobile },
      ],
      address: [{ city: profile.city, state: profile.state }],
    }),
  };
}

export function toPractitioner(summary: DoctorSummary, chainId: number): Practitioner {
  const speciality = SPECIALITIES.find((entry) => entry.code === summary.speciality);
  return {
    resourceType: 'Practitioner',
    id: summary.address,
    identifier: [accountIdentifier(chainId, summary.address)],
    ...(summary.displayName && { name: [{ text: summary.displayName }] }),
    ...(speciality && {
      qualification: [
        {
          code: {
            coding: [{ system: FHIR_URIS.speciality, code: String(speciality.code), display: speciality.name }],
            text: summary.specialityLabel ?? speciality.name,
          },
        },
      ],
    }),
  };
}

/** Times, parties and status; never the booking reason (an encrypted note) nor a rejection reason. */
export function toAppointment(appointment: AppointmentRecord): Appointment {
  const row = APPOINTMENT_STATUS_TO_FHIR[appointment.status];
  return {
    resourceType: 'Appointment',
    id: `appointment-${appointment.id}`,
    identifier: [{ system: FHIR_URIS.appointment, value: appointment.id }],
    extension: [{ url: FHIR_URIS.appStatus, valueCode: appointment.status }],
    status: row.status,
    ...(row.cancelationReason && { cancelationReason: { text: row.cancelationReason } }),
    start: appointment.slot.toISOString(),
    end: appointment.slotEnd.toISOString(),
    minutesDuration: Math.round(appointment.duration / 60),
    created: appointment.requestedAt.toISOString(),
    participant: [
      { actor: patientRef(appointment.patient), required: 'required', status: 'accepted' },
      { actor: practitionerRef(appointment.doctor), required: 'required', status: row.practitioner },
    ],
  };
}

/** One Records entry: where the ciphertext is, its anchored hash and which version of the document it is. */
export function toDocumentReference(entry: RecordEntryRecord): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: documentId(entry.id),
    identifier: [
      { system: FHIR_URIS.recordEntry, value: String(entry.id) },
      { system: FHIR_URIS.uri, value: niSha256(entry.contentHash) },
    ],
    status: entry.amendedBy === null ? 'current' : 'superseded',
    docStatus: entry.amends === null ? 'final' : 'amended',
    type: recordKindConcept(entry.kind, FHIR_URIS.recordKind),
    subject: patientRef(entry.patient),
    date: entry.createdAt.toISOString(),
    author: [authorRef(entry)],
    ...(entry.amends !== null && { relatesTo: [{ code: 'replaces', target: documentRef(entry.amends) }] }),
    content: [
      {
        attachment: {
          // FHIR's Attachment.hash is a base64 SHA-1 of the data: the chain anchors a SHA-256, so it goes in an
          // extension instead (docs/decisions/0018-fhir-export.md).
          extension: [{ url: FHIR_URIS.contentSha256, valueString: entry.contentHash }],
          contentType: DOCUMENT_ENVELOPE_CONTENT_TYPE,
          url: `ipfs://${entry.cid}`,
          creation: entry.createdAt.toISOString(),
        },
      },
    ],
  };
}

/** The chain anchor of one Records entry: which transaction, in which block, at what block time, by whom. */
export function toProvenance(entry: RecordEntryRecord, chainId: number): Provenance {
  return {
    resourceType: 'Provenance',
    id: `anchor-${entry.id}`,
    extension: chainExtensions(chainId, entry.txHash, entry.blockNumber),
    target: [documentRef(entry.id)],
    recorded: entry.createdAt.toISOString(),
    activity: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
          code: entry.amends === null ? 'CREATE' : 'UPDATE',
        },
      ],
    },
    agent: [
      {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' }],
        },
        who: authorRef(entry),
      },
    ],
  };
}

/** A running grant the patient gave a doctor: permit access from when it was given until it ends (or is revoked). */
export function toConsent(patient: string, grant: ActiveGrant, chainId: number): Consent {
  return {
    resourceType: 'Consent',
    id: `grant-${grant.doctor}`,
    extension: chainExtensions(chainId, grant.transactionHash, grant.blockNumber),
    status: 'active',
    scope: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }],
    },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient: patientRef(patient),
    dateTime: grant.grantedAt.toISOString(),
    performer: [patientRef(patient)],
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    provision: {
      type: 'permit',
      period: {
        start: grant.grantedAt.toISOString(),
        ...(grant.expiresAt && { end: grant.expiresAt.toISOString() }),
      },
      actor: [
        {
          role: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }],
          },
          reference: practitionerRef(grant.doctor),
        },
      ],
      action: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'access' }] }],
    },
  };
}
