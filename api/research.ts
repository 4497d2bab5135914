/**
 * /api/research: research sharing by opt-in (docs/decisions/0019-research-sharing.md). Patients opt in
 * and out on chain (ResearchSharing); the API shows a patient their own participation, and lets admins
 * make de-identified exports of the patients whose opt-in is live (k-anonymous rows, Laplace-noised
 * counts), download them and see whether each export's hash was anchored on chain.
 */
import { z } from 'zod';
import { routes } from './route-spec';

/** ResearchSharing's SCOPE_* bits: what a patient shares. */
export const RESEARCH_SCOPES = { demographics: 1, appointments: 2, recordKinds: 4 } as const;
export type ResearchScopeName = keyof typeof RESEARCH_SCOPES;
export const RESEARCH_SCOPE_NAMES = Object.keys(RESEARCH_SCOPES) as ResearchScopeName[];
/** ResearchSharing.MIN_K: no export may promise less than 5-anonymity. */
export const RESEARCH_MIN_K = 5;

/** The scope bits as the names of what they share. */
export const scopeNames = (scope: number): ResearchScopeName[] =>
  RESEARCH_SCOPE_NAMES.filter((name) => (scope & RESEARCH_SCOPES[name]) !== 0);

/** GET /api/research/participation/me: the signed-in patient's opt-in, as the chain holds it. */
export const ResearchParticipationSchema = z.object({
  patient: z.string(),
  /** SCOPE_* bits of the latest opt-in (0: never opted in, or withdrawn). */
  scope: z.number().int(),
  scopes: z.array(z.enum(RESEARCH_SCOPE_NAMES as [ResearchScopeName, ...ResearchScopeName[]])),
  /** When the opt-in ends (ISO); null without one. */
  expiresAt: z.iso.datetime().nullable(),
  /** Opted in, unexpired: the next export includes this patient (if their data can be made k-anonymous). */
  live: z.boolean(),
  /** The account's data was erased (Erasure contract): no export includes it any more, whatever its opt-in says. */
  endedByErasure: z.boolean(),
});
export type ResearchParticipation = z.infer<typeof ResearchParticipationSchema>;

/** POST /api/research/exports: the anonymity and privacy parameters; absent ones come from the server's config. */
export const ResearchExportRequestSchema = z.strictObject({
  k: z.number().int().min(RESEARCH_MIN_K).max(1_000).optional(),
  /** The Laplace mechanism's ε for all the export's counts together; at least 0.001 (the chain stores thousandths). */
  epsilon: z.number().min(0.001).max(100).optional(),
});
export type ResearchExportRequest = z.infer<typeof ResearchExportRequestSchema>;

/** GET /api/research/exports/:id */
export const ResearchExportParamsSchema = z.object({ id: z.uuid('must be an export id') });

const levelSchema = z.object({ level: z.number().int(), maxLevel: z.number().int(), name: z.string() });

/** What the generalisation cost: per attribute, and over the whole export. */
export const InformationLossSchema = z.object({
  /** Per quasi-identifier: the hierarchy level chosen (0 = as entered) of its height, and its name. */
  generalisation: z.object({ age: levelSchema, sex: levelSchema, location: levelSchema, speciality: levelSchema }),
  /** Sweeney's precision loss: the mean of level / height over the quasi-identifiers (0 none, 1 all hidden). */
  precisionLoss: z.number(),
  /** Rows dropped because their class could not reach k even so. */
  suppressed: z.number().int(),
  /** Discernibility metric: Σ |class|² over the classes, plus n per suppressed row (lower = more useful). */
  discernibility: z.number(),
  averageClassSize: z.number(),
  /** Average class size / k (1 is ideal). */
  normalisedAverageClassSize: z.number(),
});
export type InformationLoss = z.infer<typeof InformationLossSchema>;

/** One count histogram with Laplace noise: what the noise was calibrated to, and the noisy counts. */
export const NoisyHistogramSchema = z.object({
  /** L1 sensitivity: how much one patient more or less can change the whole histogram. */
  sensitivity: z.number(),
  /** The share of ε this histogram used. */
  epsilon: z.number(),
  /** Laplace scale b = sensitivity / ε. */
  scale: z.number(),
  /** Noisy counts, rounded and clamped at 0 (post-processing keeps the guarantee). */
  counts: z.record(z.string(), z.number().int()),
});
export type NoisyHistogram = z.infer<typeof NoisyHistogramSchema>;

export const ResearchAggregatesSchema = z.object({
  mechanism: z.literal('laplace'),
  epsilon: z.number(),
  patientsPerAgeBand: NoisyHistogramSchema,
  patientsPerSpeciality: NoisyHistogramSchema,
  patientsPerRecordKind: NoisyHistogramSchema,
});
export type ResearchAggregates = z.infer<typeof ResearchAggregatesSchema>;

/** One released patient: a pseudonym new to this export, generalised quasi-identifiers, what their scope shares. */
export const ResearchRowSchema = z.object({
  pseudonym: z.string(),
  age: z.string(),
  sex: z.string(),
  location: z.string(),
  /** The speciality the patient saw most, generalised as the export's level says. */
  speciality: z.string(),
  appointments: z.array(z.object({ speciality: z.string(), status: z.string(), month: z.string() })).optional(),
  recordKinds: z.record(z.string(), z.number().int()).optional(),
});
export type ResearchRow = z.infer<typeof ResearchRowSchema>;

/** The export itself (GET /api/research/exports/:id): its canonical JSON's sha-256 is what goes on chain. */
export const ResearchExportDocumentSchema = z.object({
  format: z.literal('ehr-research-export/1'),
  id: z.string(),
  createdAt: z.iso.datetime(),
  k: z.number().int(),
  epsilon: z.number(),
  algorithm: z.string(),
  eligiblePatients: z.number().int(),
  equivalenceClasses: z.number().int(),
  informationLoss: InformationLossSchema,
  aggregates: ResearchAggregatesSchema,
  patients: z.array(ResearchRowSchema),
});
export type ResearchExportDocument = z.infer<typeof ResearchExportDocumentSchema>;

/** Where an export's hash went on chain, once the indexer has seen ResearchExportAnchored. */
export const ResearchAnchorSchema = z.object({
  exportId: z.number().int(),
  admin: z.string(),
  transactionHash: z.string(),
  blockNumber: z.number().int(),
  anchoredAt: z.iso.datetime(),
});

export const ResearchExportSummarySchema = z.object({
  id: z.string(),
  /** sha-256 of the canonical JSON, 0x-hex: `anchorExport(hash, patientCount, k, epsilonMilli)`. */
  hash: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  k: z.number().int(),
  epsilon: z.number(),
  /** ε in thousandths, as anchorExport takes it. */
  epsilonMilli: z.number().int(),
  /** Live opt-ins at export time. */
  eligiblePatients: z.number().int(),
  /** Rows in the export: the anchor's patientCount. */
  patientCount: z.number().int(),
  equivalenceClasses: z.number().int(),
  informationLoss: InformationLossSchema,
  aggregates: ResearchAggregatesSchema,
  anchor: ResearchAnchorSchema.nullable(),
});
export type ResearchExportSummary = z.infer<typeof ResearchExportSummarySchema>;

/** GET /api/research/exports: newest first, with the defaults a new export would use. */
export const ResearchExportListSchema = z.object({
  items: z.array(ResearchExportSummarySchema),
  defaults: z.object({ k: z.number().int(), epsilon: z.number() }),
});
export type ResearchExportList = z.infer<typeof ResearchExportListSchema>;

export const RESEARCH_ROUTES = routes([
  {
    method: 'get',
    path: '/api/research/participation/me',
    summary: "The signed-in patient's research opt-in (scope, expiry, live), read from the chain",
    access: 'session',
    response: ResearchParticipationSchema,
  },
  {
    method: 'post',
    path: '/api/research/exports',
    summary: 'Makes a de-identified export of the live opt-ins (k-anonymous rows, Laplace-noised counts); admins only',
    access: 'admin',
    body: ResearchExportRequestSchema,
    response: ResearchExportSummarySchema,
    status: 201,
    errors: ['ADMIN_ONLY'],
  },
  {
    method: 'get',
    path: '/api/research/exports',
    summary: 'Research exports, newest first, with their anchoring status; admins only',
    access: 'admin',
    response: ResearchExportListSchema,
    errors: ['ADMIN_ONLY'],
  },
  {
    method: 'get',
    path: '/api/research/exports/:id',
    summary: 'One research export, exactly the canonical JSON whose sha-256 is anchored; admins only',
    access: 'admin',
    params: ResearchExportParamsSchema,
    response: ResearchExportDocumentSchema,
    errors: ['ADMIN_ONLY', 'RESEARCH_EXPORT_NOT_FOUND'],
  },
]);
