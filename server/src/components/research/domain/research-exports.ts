/**
 * The admins' research exports: make one from the live opt-ins (chain-checked), log it, store it, list
 * them with their anchoring status, hand one out. docs/decisions/0019-research-sharing.md.
 */
import { randomUUID } from 'node:crypto';
import type { JsonRpcProvider } from 'ethers';
import type { Erasure, Registry, ResearchSharing } from '@contracts/types';
import type { ResearchExportList, ResearchExportRequest, ResearchExportSummary } from '@api';
import { forbidden, notFound } from '../../../libraries/errors';
import { recordAccess } from '../../audit';
import { findAnchors, type AnchorRecord } from '../data-access/anchor-store';
import { findExportDocument, findRecentExports, saveExport, type StoredSummary } from '../data-access/export-store';
import { findLiveParticipations } from '../data-access/participation-store';
import { readParticipantData } from '../data-access/research-sources';
import { canonicalJson, sha256Hex } from './canonical-json';
import { selectParticipants } from './eligibility';
import { buildResearchExport } from './research-export';

/** Which of `patients` are erased and must never be exported. */
export type ErasedAmong = (patients: string[]) => Promise<ReadonlySet<string>>;

export interface ResearchContext {
  registry: Registry;
  researchSharing: ResearchSharing;
  provider: JsonRpcProvider;
  defaults: { k: number; epsilon: number };
  /** The Erasure contract: an erased account is never exported again (erasedOnChain). */
  erasure: Pick<Erasure, 'erasedAtBlock'>;
}

const LISTED = 50;

async function assertAdmin(registry: Registry, caller: string, what: string): Promise<void> {
  if (!(await registry.isAdmin(caller))) throw forbidden(`Only admins may ${what}`, 'ADMIN_ONLY');
}

const toSummary = (stored: StoredSummary, anchor: AnchorRecord | undefined): ResearchExportSummary => ({
  ...stored,
  createdAt: stored.createdAt.toISOString(),
  anchor: anchor
    ? {
        exportId: anchor.exportId,
        admin: anchor.admin,
        transactionHash: anchor.transactionHash,
        blockNumber: anchor.blockNumber,
        anchoredAt: anchor.anchoredAt.toISOString(),
      }
    : null,
});

/** The live participants at the chain's latest block, each with the scope the contract reports there. */
async function liveParticipants(context: ResearchContext) {
  const block = await context.provider.getBlock('latest');
  if (!block) throw new Error('The chain has no latest block');
  const candidates = await findLiveParticipations(block.timestamp);
  const patients = candidates.map((candidate) => candidate.patient);
  const [scopes, erased] = await Promise.all([
    Promise.all(patients.map((patient) => context.researchSharing.liveScope(patient, { blockTag: block.number }))),
    erasedOnChain(context.erasure)(patients),
  ]);
  const onChain = new Map(patients.map((patient, index) => [patient, Number(scopes[index])]));
  return selectParticipants(candidates, onChain, block.timestamp, erased);
}

export async function createResearchExport(
  context: ResearchContext,
  admin: string,
  request: ResearchExportRequest,
): Promise<ResearchExportSummary> {
  await assertAdmin(context.registry, admin, 'export research data');
  const k = request.k ?? context.defaults.k;
  const epsilon = request.epsilon ?? context.defaults.epsilon;
  const participants = await readParticipantData(await liveParticipants(context));
  const id = randomUUID();
  const { document, releasedPatients } = buildResearchExport({ id, createdAt: new Date(), k, epsilon }, participants);
  const canonical = canonicalJson(document);
  const hash = sha256Hex(canonical);

  // One entry per participant, before the export exists anywhere: each patient's access log shows the
  // export their data went into, and whether as a row or only in the noisy counts.
  const released = new Set(releasedPatients);
  for (const { patient } of participants) {
    const how = released.has(patient) ? 'pseudonymised row and noisy counts' : 'noisy counts only (row suppressed)';
    await recordAccess({
      actor: admin,
      patient,
      what: 'research.export',
      outcome: 'allowed',
      why: `research export ${id}: ${how}, k=${k}, ε=${epsilon}`,
    });
  }
  const stored: StoredSummary = {
    id,
    hash,
    createdAt: new Date(document.createdAt),
    createdBy: admin,
    k,
    epsilon,
    epsilonMilli: Math.round(epsilon * 1000),
    eligiblePatients: document.eligiblePatients,
    patientCount: document.patients.length,
    equivalenceClasses: document.equivalenceClasses,
    informationLoss: document.informationLoss,
    aggregates: document.aggregates,
  };
  await saveExport({ ...stored, canonical });
  return toSummary(stored, undefined);
}

export async function listResearchExports(context: ResearchContext, admin: string): Promise<ResearchExportList> {
  await assertAdmin(context.registry, admin, 'list research exports');
  const exports = await findRecentExports(LISTED);
  const anchors = await findAnchors(exports.map((stored) => stored.hash));
  return {
    items: exports.map((stored) => toSummary(stored, anchors.get(stored.hash))),
    defaults: context.defaults,
  };
}

/** The export's canonical JSON, exactly as hashed. */
export async function readResearchExport(context: ResearchContext, admin: string, id: string): Promise<string> {
  await assertAdmin(context.registry, admin, 'download research exports');
  const canonical = await findExportDocument(id);
  if (!canonical) throw notFound(`No research export ${id}`, 'RESEARCH_EXPORT_NOT_FOUND');
  return canonical;
}

/**
 * The chain's answer (Erasure.erasedAtBlock): a patient ever erased is never exported again, even after a
 * later opt-in. Conservative on purpose: the read model drops an erased patient's opt-in, so this only
 * matters in the moment before the indexer applies the erasure, and there the chain must win.
 */
export const erasedOnChain =
  (erasure: Pick<Erasure, 'erasedAtBlock'>): ErasedAmong =>
  async (patients) => {
    const blocks = await Promise.all(patients.map((patient) => erasure.erasedAtBlock(patient)));
    return new Set(patients.filter((_, index) => blocks[index] > 0n));
  };
