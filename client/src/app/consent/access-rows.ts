/**
 * The rows of the patient's Doctor access screen, merged from two lists: the verified doctors the
 * patient may grant (the directory) and the doctors the patient already has a consent relationship
 * with (GET /api/consent/:patient, access read live). A doctor an admin revoked is not in the
 * directory, but a grant to them is only suspended, so it gets a row of its own to be revoked.
 */
import type { ConsentView, DoctorView, PatientConsent } from '@api';
import { noConsent } from './consent';

export interface AccessDoctor {
  address: string;
  displayName?: string;
  speciality?: number;
  specialityLabel?: string;
  /** Only a verified doctor can be granted access. */
  verified: boolean;
}

export interface AccessRow {
  doctor: AccessDoctor;
  /** null when re-reading it failed (readError says why). */
  consent: ConsentView | null;
  readError: string | null;
}

export function accessRows(patient: string, directory: DoctorView[], relationships: PatientConsent[]): AccessRow[] {
  const byDoctor = new Map(relationships.map((relationship) => [relationship.doctor.toLowerCase(), relationship]));
  const listed = new Set(directory.map((doctor) => doctor.address.toLowerCase()));
  const verifiedRows = directory.map((doctor) => ({
    doctor: { ...pick(doctor), address: doctor.address, verified: true },
    consent: byDoctor.get(doctor.address.toLowerCase())?.consent ?? noConsent(patient, doctor.address),
    readError: null,
  }));
  const suspendedRows = relationships
    .filter(
      (relationship) =>
        !listed.has(relationship.doctor.toLowerCase()) &&
        (relationship.consent.suspended || relationship.consent.hasAccess),
    )
    .map((relationship) => ({
      doctor: {
        ...pick(relationship),
        address: relationship.doctor,
        verified: relationship.consent.doctorStatus === 'verified',
      },
      consent: relationship.consent,
      readError: null,
    }));
  return [...verifiedRows, ...suspendedRows];
}

function pick(
  source: Pick<AccessDoctor, 'displayName' | 'speciality' | 'specialityLabel'>,
): Omit<AccessDoctor, 'address' | 'verified'> {
  return {
    ...(source.displayName && { displayName: source.displayName }),
    ...(source.speciality !== undefined && { speciality: source.speciality }),
    ...(source.specialityLabel && { specialityLabel: source.specialityLabel }),
  };
}
