/**
 * The de-identification itself, on a seeded population of 1,000 patients (research-population.ts): no
 * equivalence class below k, no direct identifier anywhere in the serialized export, nobody without a
 * live opt-in, the information loss reported and growing with k, and Laplace noise of the right scale.
 */
import type { ResearchExportDocument } from '@api';
import { canonicalJson, sha256Hex } from '../domain/canonical-json';
import { selectParticipants } from '../domain/eligibility';
import { laplaceNoise } from '../domain/laplace';
import { buildResearchExport } from '../domain/research-export';
import { BLOCK_TIME, EXPORT_TIME, generatePopulation, participantOf, seededUniform } from './research-population';

const population = generatePopulation(1_000, 12);
const byAddress = new Map(population.map((patient) => [patient.address, patient]));
const chainScopes = new Map(population.map((patient) => [patient.address, patient.participation.scope]));

function exportWith(k: number, epsilon = 1) {
  const selected = selectParticipants(
    population.map((patient) => patient.participation),
    chainScopes,
    BLOCK_TIME,
    new Set(),
  );
  const participants = selected.map(({ patient, scope }) => participantOf(byAddress.get(patient)!, scope));
  return buildResearchExport({ id: 'test-export', createdAt: EXPORT_TIME, k, epsilon }, participants);
}

const classSizes = (document: ResearchExportDocument) => {
  const sizes = new Map<string, number>();
  for (const row of document.patients) {
    const key = JSON.stringify([row.age, row.sex, row.location, row.speciality]);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return [...sizes.values()];
};

describe('Research export de-identification (1,000 generated patients)', () => {
  const live = population.filter((p) => p.participation.scope !== 0 && p.participation.expiresAt > BLOCK_TIME);

  test('The population is skewed as intended: about 30 % never opted in, some expired, varied scopes', () => {
    const never = population.filter((p) => p.participation.scope === 0).length;
    expect(never).toBeGreaterThan(250);
    expect(never).toBeLessThan(350);
    expect(population.length - never - live.length).toBeGreaterThan(20);
    expect(new Set(live.map((p) => p.participation.scope)).size).toBe(7);
  });

  test.each([5, 10])('When exported with k=%i, then every equivalence class holds at least k patients', (k) => {
    const { document } = exportWith(k);
    const sizes = classSizes(document);
    expect(document.patients.length).toBeGreaterThan(live.length * 0.9);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(k);
    expect(sizes.length).toBe(document.equivalenceClasses);
    expect(document.patients.length + document.informationLoss.suppressed).toBe(live.length);
  });

  test('When exported, then no name, email, phone, city-level address or wallet address of anyone appears in it', () => {
    const { document } = exportWith(5);
    const serialized = canonicalJson(document).toLowerCase();
    for (const { address, profile } of population) {
      const identifiers = [
        address.toLowerCase(),
        address.slice(2).toLowerCase(),
        profile.lastName.toLowerCase(),
        profile.email,
        profile.mobile,
        profile.emergencyContact.name.toLowerCase(),
        profile.emergencyContact.phone,
        profile.dateOfBirth,
      ];
      for (const identifier of identifiers) expect(serialized).not.toContain(identifier);
    }
  });

  test('When exported, then only patients with a live opt-in are in it, each with no more than their scope shares', () => {
    const { document, releasedPatients } = exportWith(5);
    const liveAddresses = new Set(live.map((p) => p.address));
    expect(releasedPatients.every((patient) => liveAddresses.has(patient))).toBe(true);
    expect(document.eligiblePatients).toBe(live.length);
    // Rows only carry appointments / record kinds when the scope shares them: as many rows as such patients released.
    const released = releasedPatients.map((patient) => byAddress.get(patient)!.participation.scope);
    expect(document.patients.filter((row) => row.appointments).length).toBe(released.filter((s) => s & 2).length);
    expect(document.patients.filter((row) => row.recordKinds).length).toBe(released.filter((s) => s & 4).length);
    expect(document.patients.filter((row) => row.sex !== '*').length).toBeLessThanOrEqual(
      released.filter((s) => s & 1).length,
    );
  });

  test('When k grows, then the reported information loss never shrinks', () => {
    const losses = [5, 10, 25, 50].map((k) => exportWith(k).document.informationLoss);
    for (const loss of losses) {
      expect(loss.precisionLoss).toBeGreaterThanOrEqual(0);
      expect(loss.precisionLoss).toBeLessThanOrEqual(1);
      expect(loss.averageClassSize).toBeGreaterThan(0);
    }
    const precision = losses.map((loss) => loss.precisionLoss);
    expect(precision).toEqual([...precision].sort((a, b) => a - b));
    expect(precision[3]).toBeGreaterThan(precision[0]);
  });

  test('When the same data is exported twice, then the pseudonyms differ entirely and so does the hash', () => {
    const [first, second] = [exportWith(5).document, exportWith(5).document];
    const firstPseudonyms = new Set(first.patients.map((row) => row.pseudonym));
    expect(firstPseudonyms.size).toBe(first.patients.length);
    expect(second.patients.some((row) => firstPseudonyms.has(row.pseudonym))).toBe(false);
    expect(sha256Hex(canonicalJson(first))).not.toBe(sha256Hex(canonicalJson(second)));
  });

  test('The aggregates carry noise calibrated to sensitivity / (ε / 3) over fixed bins', () => {
    const { document } = exportWith(5, 1.5);
    const { patientsPerAgeBand, patientsPerSpeciality, patientsPerRecordKind } = document.aggregates;
    expect(patientsPerAgeBand).toMatchObject({ sensitivity: 1, epsilon: 0.5, scale: 2 });
    expect(patientsPerSpeciality).toMatchObject({ sensitivity: 9, scale: 18 });
    expect(patientsPerRecordKind).toMatchObject({ sensitivity: 5, scale: 10 });
    expect(Object.keys(patientsPerAgeBand.counts)).toHaveLength(11);
    const total = Object.values(patientsPerAgeBand.counts).reduce((sum, count) => sum + count, 0);
    const withDemographics = live.filter((p) => p.participation.scope & 1).length;
    expect(Math.abs(total - withDemographics)).toBeLessThan(11 * 2 * 10); // 10 scales per bin at most.
  });
});

describe('Laplace noise', () => {
  test.each([0.5, 2, 18])(
    'With a fixed test RNG, draws of scale %p have mean 0, mean |x| = b and variance 2b²',
    (b) => {
      const uniform = seededUniform(2026);
      const draws = Array.from({ length: 40_000 }, () => laplaceNoise(b, uniform));
      const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
      const meanAbsolute = draws.reduce((sum, x) => sum + Math.abs(x), 0) / draws.length;
      const variance = draws.reduce((sum, x) => sum + (x - mean) ** 2, 0) / draws.length;
      expect(Math.abs(mean)).toBeLessThan(0.03 * b);
      expect(meanAbsolute / b).toBeCloseTo(1, 1);
      expect(Math.abs(meanAbsolute / b - 1)).toBeLessThan(0.03);
      expect(Math.abs(variance / (2 * b * b) - 1)).toBeLessThan(0.06);
    },
  );
});
