/**
 * Patient/$everything: who may export a patient's record (the records rule, decided by the chain at request
 * time and logged for everyone but the patient), then the Bundle of what the read models and the chain hold.
 */
import type { Consent, Registry } from '@contracts/types';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { EHR_FHIR } from '@api';
import { forbidden, notFound } from '../../../libraries/errors';
import { findAppointments, type AppointmentRecord } from '../../appointments';
import { doctorSummaries } from '../../doctors';
import { findPatientProfile } from '../../patients';
import { assertMayReadRecords, findRecordsOfPatient, type RecordEntryRecord } from '../../records';
import { activeGrantsOf } from '../data-access/chain-grants';
import {
  toAppointment,
  toConsent,
  toDocumentReference,
  toPatient,
  toPractitioner,
  toProvenance,
} from './fhir-resources';

export interface FhirChain {
  registry: Registry;
  consent: Consent;
  chainId: number;
  /** The block Consent was deployed in: where its AccessGranted events start. */
  consentDeployedAt: number;
}

export const fhirNoAccess = () =>
  forbidden(
    "Only the patient, an admin or a doctor with the patient's current consent may export this record",
    'FHIR_NO_ACCESS',
  );

const PAGE = 100;

/** Every item of a paged read-model query, page after page. */
async function everyPage<T>(page: (offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const next = await page(items.length);
    items.push(...next.items);
    if (next.items.length === 0 || items.length >= next.total) return items;
  }
}

const entryOf = (resource: Resource & { id?: string }): BundleEntry => ({
  fullUrl: `${EHR_FHIR}/${resource.resourceType}/${resource.id}`,
  resource,
});

export async function patientEverything(chain: FhirChain, reader: string, patient: string): Promise<Bundle> {
  await assertMayReadRecords(chain, reader, patient, 'fhir.everything', fhirNoAccess);
  if (!(await chain.registry.isPatient(patient))) {
    throw notFound('No registered patient has this address', 'FHIR_PATIENT_NOT_FOUND');
  }

  const [profile, appointments, records, grants] = await Promise.all([
    findPatientProfile(patient),
    everyPage<AppointmentRecord>((offset) => findAppointments({ patient }, { order: 'asc', offset, limit: PAGE })),
    everyPage<RecordEntryRecord>((offset) => findRecordsOfPatient({ patient, offset, limit: PAGE })),
    activeGrantsOf(chain.consent, patient, chain.consentDeployedAt),
  ]);
  const oldestFirst = [...records].sort((a, b) => a.id - b.id);

  const doctors = [
    ...new Set([
      ...appointments.map((appointment) => appointment.doctor),
      ...oldestFirst
        .filter((entry) => entry.author.toLowerCase() !== patient.toLowerCase())
        .map((entry) => entry.author),
      ...grants.map((grant) => grant.doctor),
    ]),
  ];
  const summaries = await doctorSummaries(doctors);

  const resources: Resource[] = [
    toPatient(patient, chain.chainId, profile),
    ...doctors.map((doctor) => toPractitioner(summaries.get(doctor) ?? { address: doctor }, chain.chainId)),
    ...appointments.map(toAppointment),
    ...oldestFirst.map(toDocumentReference),
    ...grants.map((grant) => toConsent(patient, grant, chain.chainId)),
    ...oldestFirst.map((entry) => toProvenance(entry, chain.chainId)),
  ];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: resources.map(entryOf),
  };
}
