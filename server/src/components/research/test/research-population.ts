/**
 * A seeded, skewed population for the de-identification tests: 1,000 patients with full profiles
 * (names, emails, phones, emergency contacts, wallet addresses: the direct identifiers the export must
 * drop), ages skewed to middle age, a few large cities and a long tail, GP-heavy appointments, and
 * research opt-ins: about 30 % never opted in, some expired, the rest with varied scopes.
 */
import { RECORD_KINDS, SPECIALITIES, type RecordKind } from '@api';
import type { ParticipationState } from '../domain/eligibility';
import type { ParticipantData } from '../domain/research-dataset';

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). For tests only: the export itself uses crypto randomness. */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Mary', 'Emmy', 'Niels', 'Rosalind', 'Dorothy', 'Katherine', 'Srinivasa'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Somerville', 'Noether', 'Bohr', 'Franklin', 'Hodgkin', 'Johnson'];
/** Weighted: a few big cities, a long tail of small towns. */
const PLACES: [city: string, state: string, weight: number][] = [
  ['Springfield', 'Illinois', 30],
  ['Chicago', 'Illinois', 25],
  ['Peoria', 'Illinois', 6],
  ['Madison', 'Wisconsin', 15],
  ['Milwaukee', 'Wisconsin', 12],
  ['Green Bay', 'Wisconsin', 3],
  ['Ames', 'Iowa', 4],
  ['Des Moines', 'Iowa', 4],
  ['Dubuque', 'Iowa', 1],
];
const SEXES: [string, number][] = [
  ['female', 49],
  ['male', 47],
  ['other', 2],
  ['undisclosed', 2],
];
/** GP first, then a few common specialities. */
const SPECIALITY_WEIGHTS = SPECIALITIES.map(({ code }) => [code, code === 1 ? 40 : code <= 4 ? 12 : 5] as const);
const STATUSES = ['completed', 'completed', 'completed', 'accepted', 'cancelled', 'rejected', 'requested'];

export interface GeneratedPatient {
  address: string;
  profile: {
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    sex: string;
    email: string;
    mobile: string;
    city: string;
    state: string;
    emergencyContact: { name: string; phone: string };
  };
  participation: ParticipationState;
  appointments: ParticipantData['appointments'];
  recordKinds: RecordKind[];
}

export const EXPORT_TIME = new Date('2026-06-15T12:00:00Z');
export const BLOCK_TIME = EXPORT_TIME.getTime() / 1000;

export function generatePopulation(size: number, seed: number): GeneratedPatient[] {
  const random = seededUniform(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const weighted = <T>(items: readonly (readonly [...unknown[]])[], valueOf: (item: never) => T): T => {
    const total = items.reduce((sum, item) => sum + (item.at(-1) as number), 0);
    let roll = random() * total;
    for (const item of items) if ((roll -= item.at(-1) as number) < 0) return valueOf(item as never);
    return valueOf(items.at(-1) as never);
  };
  return Array.from({ length: size }, (_, index) => {
    const hex = index.toString(16).padStart(4, '0');
    const address = `0x${'ab'.repeat(18)}${hex}`;
    const [firstName, lastName] = [pick(FIRST_NAMES), `${pick(LAST_NAMES)}${index}`];
    // Ages 0–95, bunched around 45: the mean of three uniform draws.
    const age = Math.floor(((random() + random() + random()) / 3) * 95);
    const birth = new Date(Date.UTC(2026 - age - 1, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
    const place = weighted(PLACES, (item: [string, string, number]) => item);
    const roll = random();
    const scope = roll < 0.3 ? 0 : roll < 0.55 ? 7 : 1 + Math.floor(random() * 7);
    const expired = scope !== 0 && random() < 0.08;
    const visits = Math.floor(random() * random() * 8);
    return {
      address,
      profile: {
        firstName,
        lastName,
        dateOfBirth: birth.toISOString().slice(0, 10),
        sex: weighted(SEXES, (item: [string, number]) => item[0]),
        email: `${firstName}.${lastName}@mail.example`.toLowerCase(),
        mobile: `+4477009${String(10_000 + index).padStart(5, '0')}`,
        city: place[0],
        state: place[1],
        emergencyContact: { name: `${pick(FIRST_NAMES)} Kin${index}`, phone: `+3531${String(5_000_000 + index)}` },
      },
      participation: {
        patient: address,
        scope,
        expiresAt: scope === 0 ? 0 : BLOCK_TIME + (expired ? -86_400 : 30 * 86_400),
      },
      appointments: Array.from({ length: visits }, () => ({
        speciality: weighted(SPECIALITY_WEIGHTS, (item: readonly [number, number]) => item[0]),
        status: pick(STATUSES),
        slot: new Date(Date.UTC(2025, Math.floor(random() * 18), 1 + Math.floor(random() * 28), 9)),
      })),
      recordKinds: Array.from({ length: Math.floor(random() * 5) }, () => pick(RECORD_KINDS)),
    };
  });
}

/** What the sources would hand the export for `patient` with `scope` (the full profile: the export must drop names). */
export const participantOf = (patient: GeneratedPatient, scope: number): ParticipantData => ({
  patient: patient.address,
  scope,
  profile: patient.profile,
  appointments: patient.appointments,
  recordKinds: patient.recordKinds,
});
