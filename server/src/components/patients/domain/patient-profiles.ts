/**
 * Reading and saving patient profiles. Every read by someone other than the patient is logged
 * (journaled) before the data is returned; a failed log write fails the read.
 */
import type { EmergencyProfile, PatientListQuery, PatientPage, PatientProfileUpdate, PatientView } from '@api';
import { forbidden } from '../../../libraries/errors';
import { recordActivity } from '../../activity';
import { recordAccess } from '../../audit';
import { appendAccess } from '../data-access/access-log-store';
import { findPatients } from '../data-access/patient-store';
import { findNames, findProfile, saveProfile, type PatientProfileRecord } from '../data-access/profile-store';
import { patientErased, patientNotFound, readGrounds, type PatientChain } from './patient-reader';

/** The contact fields of a profile, as the access log names them. */
export const PROFILE_FIELDS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'sex',
  'email',
  'mobile',
  'city',
  'state',
  'emergencyContact',
] as const;
export const HEALTH_FIELDS = ['allergies', 'chronicConditions', 'currentMedications'] as const;

function toView(address: string, record: PatientProfileRecord | null): PatientView {
  if (!record) return { address, profile: null, health: null };
  const { health, updatedAt } = record;
  const profile = Object.fromEntries(PROFILE_FIELDS.map((field) => [field, record[field]])) as Pick<
    PatientProfileRecord,
    (typeof PROFILE_FIELDS)[number]
  >;
  return {
    address,
    profile: { ...profile, updatedAt: updatedAt.toISOString() },
    health: {
      allergies: health.allergies,
      chronicConditions: health.chronicConditions,
      // Profiles saved before the field existed have none stored.
      currentMedications: health.currentMedications ?? [],
    },
  };
}

/** The fields a view discloses, for the access log. */
const disclosedFields = (view: PatientView): string[] => [
  ...(view.profile ? PROFILE_FIELDS : []),
  ...(view.health ? HEALTH_FIELDS : []),
];

/** The audit log's names for what was read and on what grounds. */
const auditedPart = (view: PatientView) => (view.health ? 'patient.profile.health' : 'patient.profile');
const AUDIT_WHY = { admin: 'admin', 'doctor-with-access': 'consent grant' } as const;

/** GET /api/patients/:address and /me: the patient, an admin or a doctor with access (logged); 404 otherwise. */
export async function readPatient(chain: PatientChain, reader: string, patient: string): Promise<PatientView> {
  const grounds = await readGrounds(chain, reader, patient);
  const view = toView(patient, await findProfile(patient));
  // Others learn that an erased profile is gone for good; the patient may start a new one.
  if (grounds !== 'self' && !view.profile && (await chain.erasure.erasedAtBlock(patient)) > 0n) {
    throw patientErased(patient);
  }
  if (grounds !== 'self') {
    const at = new Date();
    const fields = disclosedFields(view);
    await appendAccess({ reader, patient, fields, at, reason: grounds });
    await recordAccess({
      actor: reader,
      patient,
      what: auditedPart(view),
      outcome: 'allowed',
      why: AUDIT_WHY[grounds],
      at,
    });
    // The patient sees on their Activity timeline who opened their profile (an admin or a doctor with access).
    await recordActivity({
      kind: 'patient.profile-read',
      subject: patient,
      actor: reader,
      words: view.health ? '{actor} opened your profile, health data included.' : '{actor} opened your profile.',
      at,
    });
  }
  return view;
}

/** PUT /api/patients/me: only an account the Registry knows as a patient, checked live (the read model may lag). */
export async function saveOwnProfile(
  chain: PatientChain,
  address: string,
  input: PatientProfileUpdate,
): Promise<PatientView> {
  if (!(await chain.registry.isPatient(address))) throw patientNotFound(address);
  const { allergies, chronicConditions, currentMedications, ...contact } = input;
  const record: PatientProfileRecord = {
    address,
    ...contact,
    health: { allergies, chronicConditions, currentMedications },
    updatedAt: new Date(),
  };
  await saveProfile(record);
  return toView(address, record);
}

/** GET /api/patients (admins): registered patients from the read model, with their names only. */
export async function listPatients(chain: PatientChain, reader: string, query: PatientListQuery): Promise<PatientPage> {
  if (!(await chain.registry.isAdmin(reader))) throw forbidden('Only admins may list patients', 'ADMIN_ONLY');
  const { items, total } = await findPatients(query);
  const names = await findNames(items.map((patient) => patient.address));
  return {
    items: items.map((patient) => ({
      address: patient.address,
      registeredAt: patient.registeredAt.toISOString(),
      ...names.get(patient.address),
    })),
    total,
  };
}

/**
 * The fields a treating doctor needs first (name, date of birth, allergies, conditions, medications,
 * emergency contact), WITHOUT an access check or log entry: for the emergency component, which decides
 * the read on the chain and logs it before calling this. Null when the patient saved no profile.
 */
export async function emergencyProfileOf(patient: string): Promise<EmergencyProfile | null> {
  const record = await findProfile(patient);
  if (!record) return null;
  return {
    firstName: record.firstName,
    lastName: record.lastName,
    dateOfBirth: record.dateOfBirth,
    allergies: record.health.allergies,
    chronicConditions: record.health.chronicConditions,
    currentMedications: record.health.currentMedications ?? [],
    emergencyContact: { name: record.emergencyContact.name, phone: record.emergencyContact.phone },
  };
}
