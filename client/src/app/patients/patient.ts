/** The words the UI uses for a patient's profile values (the API's types are in api/patients.ts). */
import type { PatientSex } from '@api';

export const SEX_LABELS: Record<PatientSex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  undisclosed: 'Prefer not to say',
};

export const SEX_OPTIONS = Object.entries(SEX_LABELS).map(([value, label]) => ({ value: value as PatientSex, label }));

/** Health entries are typed one per line. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
