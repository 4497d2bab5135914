/**
 * Builds one research export from the live participants' data: k-anonymous rows under fresh random
 * pseudonyms, in random order, and Laplace-noised counts over every participant. Pure apart from its
 * randomness (crypto by default; tests may pass their own). docs/decisions/0019-research-sharing.md.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { RECORD_KINDS, SPECIALITIES, type ResearchExportDocument, type ResearchRow } from '@api';
import { generaliseValue, specialityName } from './hierarchies';
import { ALGORITHM, anonymise } from './k-anonymity';
import { cryptoUniform, noisyHistogram, type UniformSource } from './laplace';
import { shares, toSubject, type ParticipantData, type ResearchSubject } from './research-dataset';

export interface ExportParameters {
  id: string;
  createdAt: Date;
  k: number;
  epsilon: number;
}

export interface ExportRandomness {
  uniform: UniformSource;
  pseudonym: () => string;
  /** An integer in [0, bound). */
  index: (bound: number) => number;
}

/** 64 random bits per row, new for every export: nothing links a pseudonym to a patient or to another export. */
export const CRYPTO_RANDOMNESS: ExportRandomness = {
  uniform: cryptoUniform,
  pseudonym: () => `P-${randomBytes(8).toString('hex')}`,
  index: (bound) => randomInt(bound),
};

/** The three histograms share ε equally (sequential composition: their ε's add up to the export's). */
const HISTOGRAMS = 3;
export const AGE_BANDS = [...Array.from({ length: 10 }, (_, i) => `${i * 10}-${i * 10 + 9}`), '100+'];
const SPECIALITY_BINS = [...SPECIALITIES.map((speciality) => speciality.name), 'Other'];

const ageBandOf = (age: number) => (age >= 100 ? '100+' : AGE_BANDS[Math.floor(age / 10)]);
const specialityBinOf = (code: number) =>
  SPECIALITIES.some((speciality) => speciality.code === code) ? specialityName(code) : 'Other';

function countBy(subjects: readonly ResearchSubject[], binsOf: (subject: ResearchSubject) => Iterable<string>) {
  const counts = new Map<string, number>();
  for (const subject of subjects)
    for (const bin of new Set(binsOf(subject))) counts.set(bin, (counts.get(bin) ?? 0) + 1);
  return counts;
}

/**
 * Patients per age band (a patient is in one band: Δ₁ = 1), per speciality seen and per record kind held
 * (a patient can be in every bin: Δ₁ = the number of bins). Counted over every participant, suppressed or
 * not: the noise, not k, protects them here.
 */
function aggregates(subjects: readonly ResearchSubject[], epsilon: number, uniform: UniformSource) {
  const share = epsilon / HISTOGRAMS;
  const ages = countBy(subjects, (s) => (s.quasiIdentifiers.age === null ? [] : [ageBandOf(s.quasiIdentifiers.age)]));
  const specialities = countBy(subjects, (s) =>
    (s.appointments ?? []).flatMap((a) => (a.speciality === null ? [] : [specialityBinOf(a.speciality)])),
  );
  const kinds = countBy(subjects, (s) => Object.keys(s.recordKinds ?? {}));
  return {
    mechanism: 'laplace' as const,
    epsilon,
    patientsPerAgeBand: noisyHistogram(ages, AGE_BANDS, 1, share, uniform),
    patientsPerSpeciality: noisyHistogram(specialities, SPECIALITY_BINS, SPECIALITY_BINS.length, share, uniform),
    patientsPerRecordKind: noisyHistogram(kinds, RECORD_KINDS, RECORD_KINDS.length, share, uniform),
  };
}

function shuffle<T>(items: T[], index: (bound: number) => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = index(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export interface BuiltExport {
  document: ResearchExportDocument;
  /** The participants whose row was released (for the access log). */
  releasedPatients: string[];
}

export function buildResearchExport(
  parameters: ExportParameters,
  participants: readonly ParticipantData[],
  randomness: ExportRandomness = CRYPTO_RANDOMNESS,
): BuiltExport {
  const subjects = participants.map((participant) => toSubject(participant, parameters.createdAt));
  const anonymised = anonymise(subjects, (subject) => subject.quasiIdentifiers, parameters.k);
  const specialityLevel = anonymised.levels.speciality;
  const released = shuffle([...anonymised.released], randomness.index);
  const patients: ResearchRow[] = released.map(({ row, quasiIdentifiers }) => ({
    pseudonym: randomness.pseudonym(),
    ...quasiIdentifiers,
    ...(row.appointments && {
      appointments: row.appointments.map((appointment) => ({
        speciality: generaliseValue('speciality', appointment.speciality, specialityLevel),
        status: appointment.status,
        month: appointment.month,
      })),
    }),
    ...(shares(row.scope, 'recordKinds') && { recordKinds: row.recordKinds }),
  }));
  const document: ResearchExportDocument = {
    format: 'ehr-research-export/1',
    id: parameters.id,
    createdAt: parameters.createdAt.toISOString(),
    k: parameters.k,
    epsilon: parameters.epsilon,
    algorithm: ALGORITHM,
    eligiblePatients: participants.length,
    equivalenceClasses: anonymised.equivalenceClasses,
    informationLoss: anonymised.informationLoss,
    aggregates: aggregates(subjects, parameters.epsilon, randomness.uniform),
    patients,
  };
  return { document, releasedPatients: released.map(({ row }) => row.patient) };
}
