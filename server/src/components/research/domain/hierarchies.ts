/**
 * The generalisation hierarchies of the export's quasi-identifiers: each attribute climbs from its value
 * as entered (level 0) to `*` (its height). A missing value (the patient's scope does not share it, or
 * they never saved a profile) is `*` at every level. Pure: no I/O.
 */
import { SPECIALITIES } from '@api';

/** A patient's quasi-identifiers before generalisation; null = not shared. */
export interface QuasiIdentifiers {
  age: number | null;
  sex: string | null;
  location: { city: string; state: string } | null;
  /** The speciality code the patient saw most. */
  speciality: number | null;
}

export const QUASI_IDENTIFIERS = ['age', 'sex', 'location', 'speciality'] as const;
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];

/** A lattice node: one level per quasi-identifier. */
export type Levels = Record<QuasiIdentifier, number>;

export const SUPPRESSED = '*';

/** Bands of `width` years aligned at 0: 37 → "35-39" (width 5). */
const band = (age: number, width: number) => {
  const from = Math.floor(age / width) * width;
  return `${from}-${from + width - 1}`;
};

/**
 * Specialities grouped by what kind of care they are: the middle rung between a speciality and `*`.
 * A code outside the list (the chain accepts any) is "Other".
 */
export const SPECIALITY_GROUPS: Record<number, string> = {
  1: 'Primary care',
  4: 'Primary care',
  2: 'Medicine',
  3: 'Medicine',
  7: 'Medicine',
  8: 'Medicine',
  5: 'Diagnostics',
  6: 'Diagnostics',
};

export const specialityName = (code: number): string =>
  SPECIALITIES.find((speciality) => speciality.code === code)?.name ?? `Speciality ${code}`;

interface Hierarchy<T> {
  /** What each level is called, level 0 first; the last is always "suppressed". */
  levelNames: readonly string[];
  generalise(value: T, level: number): string;
}

const age: Hierarchy<number> = {
  levelNames: ['year', '5-year band', '10-year band', '20-year band', 'suppressed'],
  generalise: (value, level) => [String(value), band(value, 5), band(value, 10), band(value, 20)][level] ?? SUPPRESSED,
};

const sex: Hierarchy<string> = {
  levelNames: ['as entered', 'suppressed'],
  generalise: (value, level) => (level === 0 ? value : SUPPRESSED),
};

const location: Hierarchy<{ city: string; state: string }> = {
  levelNames: ['city, state', 'state', 'suppressed'],
  generalise: (value, level) => [`${value.city}, ${value.state}`, value.state][level] ?? SUPPRESSED,
};

const speciality: Hierarchy<number> = {
  levelNames: ['speciality', 'group', 'suppressed'],
  generalise: (value, level) => [specialityName(value), SPECIALITY_GROUPS[value] ?? 'Other'][level] ?? SUPPRESSED,
};

const HIERARCHIES = { age, sex, location, speciality } as const;

/** The height of each hierarchy: the level at which everything is `*`. */
export const MAX_LEVELS: Levels = {
  age: age.levelNames.length - 1,
  sex: sex.levelNames.length - 1,
  location: location.levelNames.length - 1,
  speciality: speciality.levelNames.length - 1,
};

export const levelName = (attribute: QuasiIdentifier, level: number): string =>
  HIERARCHIES[attribute].levelNames[level];

/** One quasi-identifier generalised to `level`; a missing value is `*`. */
export function generaliseValue<A extends QuasiIdentifier>(
  attribute: A,
  value: QuasiIdentifiers[A],
  level: number,
): string {
  if (value === null) return SUPPRESSED;
  return (HIERARCHIES[attribute] as Hierarchy<NonNullable<QuasiIdentifiers[A]>>).generalise(value, level);
}

/** Every quasi-identifier of a row generalised to the node `levels`. */
export const generalise = (row: QuasiIdentifiers, levels: Levels): Record<QuasiIdentifier, string> => ({
  age: generaliseValue('age', row.age, levels.age),
  sex: generaliseValue('sex', row.sex, levels.sex),
  location: generaliseValue('location', row.location, levels.location),
  speciality: generaliseValue('speciality', row.speciality, levels.speciality),
});

/** Every node of the full-domain generalisation lattice (5 × 2 × 3 × 3 = 90 nodes). */
export function latticeNodes(): Levels[] {
  const nodes: Levels[] = [];
  for (let a = 0; a <= MAX_LEVELS.age; a++)
    for (let s = 0; s <= MAX_LEVELS.sex; s++)
      for (let l = 0; l <= MAX_LEVELS.location; l++)
        for (let p = 0; p <= MAX_LEVELS.speciality; p++) nodes.push({ age: a, sex: s, location: l, speciality: p });
  return nodes;
}
