/**
 * k-anonymity by full-domain generalisation with an optimal lattice search (Samarati's model, searched
 * exhaustively as OLA/Incognito do; the lattice has only 90 nodes): every node generalises each
 * quasi-identifier to one level for all rows; rows whose equivalence class stays smaller than k are
 * suppressed, and a node qualifies when it suppresses at most MAX_SUPPRESSION_RATE of the rows. Among
 * the qualifying nodes the one with the least precision loss wins (then the lower discernibility).
 * Because a node that qualifies for k also qualifies for every smaller k, the loss can only grow with k.
 * Pure: no I/O (docs/decisions/0019-research-sharing.md).
 */
import type { InformationLoss } from '@api';
import {
  generalise,
  latticeNodes,
  levelName,
  MAX_LEVELS,
  QUASI_IDENTIFIERS,
  type Levels,
  type QuasiIdentifier,
  type QuasiIdentifiers,
} from './hierarchies';

/** At most this share of the rows may be suppressed to reach k (Sweeney's Datafly uses the same kind of cap). */
export const MAX_SUPPRESSION_RATE = 0.05;

export const ALGORITHM =
  'k-anonymity: full-domain generalisation, optimal lattice search (minimal precision loss) with at most 5 % suppression';

export interface Generalised<Row> {
  row: Row;
  quasiIdentifiers: Record<QuasiIdentifier, string>;
}

export interface Anonymised<Row> {
  levels: Levels;
  released: Generalised<Row>[];
  equivalenceClasses: number;
  informationLoss: InformationLoss;
}

interface Candidate {
  levels: Levels;
  classSizes: Map<string, number>;
  keys: string[];
  suppressed: number;
  precisionLoss: number;
  discernibility: number;
}

const precisionLossOf = (levels: Levels) =>
  QUASI_IDENTIFIERS.reduce((sum, attribute) => sum + levels[attribute] / MAX_LEVELS[attribute], 0) /
  QUASI_IDENTIFIERS.length;

function evaluate(rows: QuasiIdentifiers[], levels: Levels, k: number): Candidate {
  const keys = rows.map((row) => JSON.stringify(generalise(row, levels)));
  const classSizes = new Map<string, number>();
  for (const key of keys) classSizes.set(key, (classSizes.get(key) ?? 0) + 1);
  let suppressed = 0;
  let discernibility = 0;
  for (const size of classSizes.values()) {
    if (size < k) suppressed += size;
    else discernibility += size * size;
  }
  discernibility += suppressed * rows.length;
  return { levels, classSizes, keys, suppressed, precisionLoss: precisionLossOf(levels), discernibility };
}

const better = (a: Candidate, b: Candidate) =>
  a.precisionLoss !== b.precisionLoss
    ? a.precisionLoss < b.precisionLoss
    : a.discernibility !== b.discernibility
      ? a.discernibility < b.discernibility
      : a.suppressed < b.suppressed;

const TOP: Levels = { ...MAX_LEVELS };

/**
 * Generalises `rows` so that every released row shares its quasi-identifiers with at least k − 1
 * others. With fewer than k rows nothing can be released: every row is suppressed.
 */
export function anonymise<Row>(
  rows: readonly Row[],
  quasiIdentifiersOf: (row: Row) => QuasiIdentifiers,
  k: number,
): Anonymised<Row> {
  const values = rows.map(quasiIdentifiersOf);
  const cap = Math.floor(rows.length * MAX_SUPPRESSION_RATE);
  let best: Candidate | null = null;
  for (const levels of latticeNodes()) {
    const candidate = evaluate(values, levels, k);
    if (candidate.suppressed > cap) continue;
    if (!best || better(candidate, best)) best = candidate;
  }
  const chosen = best ?? evaluate(values, TOP, k);
  const released: Generalised<Row>[] = [];
  rows.forEach((row, index) => {
    const key = chosen.keys[index];
    if (chosen.classSizes.get(key)! >= k)
      released.push({ row, quasiIdentifiers: JSON.parse(key) as Record<QuasiIdentifier, string> });
  });
  const classes = [...chosen.classSizes.values()].filter((size) => size >= k).length;
  return {
    levels: chosen.levels,
    released,
    equivalenceClasses: classes,
    informationLoss: informationLoss(chosen, released.length, classes, k),
  };
}

function informationLoss(chosen: Candidate, releasedCount: number, classes: number, k: number): InformationLoss {
  const level = (attribute: QuasiIdentifier) => ({
    level: chosen.levels[attribute],
    maxLevel: MAX_LEVELS[attribute],
    name: levelName(attribute, chosen.levels[attribute]),
  });
  const averageClassSize = classes === 0 ? 0 : releasedCount / classes;
  return {
    generalisation: {
      age: level('age'),
      sex: level('sex'),
      location: level('location'),
      speciality: level('speciality'),
    },
    precisionLoss: round(chosen.precisionLoss),
    suppressed: chosen.suppressed,
    discernibility: chosen.discernibility,
    averageClassSize: round(averageClassSize),
    normalisedAverageClassSize: round(averageClassSize / k),
  };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
