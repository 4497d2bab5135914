/**
 * /api/stats: the admin dashboard's charts (the paper's figs. 22–23) and its Table 4 computed live from
 * the Transaction Records.
 */
import { z } from 'zod';
import { routes } from './route-spec';
import { STATS_BUCKETS } from './transaction-values';

/** GET /api/stats?bucket&since&until */
export const StatsQuerySchema = z.strictObject({
  bucket: z.enum(STATS_BUCKETS).default('hour'),
  since: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
  until: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
});
export type StatsQuery = z.input<typeof StatsQuerySchema>;

const count = z.number().int().min(0);

export const TransactionStatsSchema = z.object({
  bucket: z.enum(STATS_BUCKETS),
  total: z.number().int(),
  /** Transactions per hour or day, by block time (pending ones by submission time), oldest first, gaps as 0. */
  perBucket: z.array(z.object({ start: z.iso.datetime(), count: z.number().int() })),
  /** Submission to mined, over transactions the app reported that were mined or reverted. */
  latency: z.object({
    samples: z.number().int(),
    meanMs: z.number().nullable(),
    p95Ms: z.number().nullable(),
  }),
  byStatus: z.object({ pending: count, mined: count, reverted: count }),
  /** By the sender's role on the Registry now. */
  byRole: z.object({ admin: count, doctor: count, patient: count, unregistered: count }),
  /** Gas and fees over mined and reverted transactions (Table 4). */
  gas: z.object({ meanGasUsed: z.number().nullable(), totalFeeEth: z.string() }),
});
export type TransactionStats = z.infer<typeof TransactionStatsSchema>;

export const STATS_ROUTES = routes([
  {
    method: 'get',
    path: '/api/stats',
    summary: 'Transactions per hour or day, submission-to-mined latency, counts by role and status (admins)',
    access: 'admin',
    query: StatsQuerySchema,
    response: TransactionStatsSchema,
    errors: ['ADMIN_ONLY'],
  },
]);
