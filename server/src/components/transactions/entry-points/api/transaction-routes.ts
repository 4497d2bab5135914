/**
 * GET /api/transactions (JSON, or CSV with format=csv), GET /api/transactions.csv, POST /api/transactions
 * and GET /api/stats (admins). All need a session; which records a reader sees is decided in
 * domain/transaction-queries.ts.
 */
import { Router, type RequestHandler, type Response } from 'express';
import type { JsonRpcProvider } from 'ethers';
import type { Registry } from '@contracts/types';
import { StatsQuerySchema, TransactionCsvQuerySchema, TransactionListQuerySchema, TransactionReportSchema } from '@api';
import { requireSession, sessionOf } from '../../../auth';
import { listTransactions, transactionsCsv } from '../../domain/transaction-queries';
import { reportTransaction } from '../../domain/transaction-reports';
import { transactionStats } from '../../domain/stats-queries';

export interface TransactionRouteOptions {
  registry: Registry;
  provider: JsonRpcProvider;
  /** The API's shared per-account write limit (auth's limitWritesPerAccount). */
  limitWrites: RequestHandler;
}

function sendCsv(res: Response, csv: string): void {
  res.set('Cache-Control', 'no-store').type('text/csv').attachment('transactions.csv').send(csv);
}

export function transactionRoutes(options: TransactionRouteOptions): Router {
  const router = Router();
  const context = { registry: options.registry, provider: options.provider };

  router.get('/transactions', requireSession, async (req, res) => {
    const { format, offset, limit, ...filters } = TransactionListQuerySchema.parse(req.query);
    const reader = sessionOf(req).address;
    if (format === 'csv') return sendCsv(res, await transactionsCsv(context, reader, filters));
    res.set('Cache-Control', 'no-store').json(await listTransactions(context, reader, { ...filters, offset, limit }));
  });

  router.get('/transactions.csv', requireSession, async (req, res) => {
    const filters = TransactionCsvQuerySchema.parse(req.query);
    sendCsv(res, await transactionsCsv(context, sessionOf(req).address, filters));
  });

  router.post('/transactions', requireSession, options.limitWrites, async (req, res) => {
    const report = TransactionReportSchema.parse(req.body ?? {});
    res.status(201).json(await reportTransaction(options.provider, sessionOf(req).address, report));
  });

  router.get('/stats', requireSession, async (req, res) => {
    const query = StatsQuerySchema.parse(req.query);
    res.set('Cache-Control', 'no-store').json(await transactionStats(context, sessionOf(req).address, query));
  });

  return router;
}
