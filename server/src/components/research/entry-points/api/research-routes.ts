/**
 * GET  /api/research/participation/me: the signed-in account's research opt-in, read from the chain.
 * POST /api/research/exports: an admin makes a de-identified export (201 with its summary and hash).
 * GET  /api/research/exports: admins list the exports with their anchoring status.
 * GET  /api/research/exports/:id: admins download one, exactly the canonical JSON that was hashed.
 */
import { Router, type RequestHandler } from 'express';
import { ResearchExportParamsSchema, ResearchExportRequestSchema } from '@api';
import { requireSession, sessionOf } from '../../../auth';
import { readParticipation } from '../../domain/participation-view';
import {
  createResearchExport,
  listResearchExports,
  readResearchExport,
  type ResearchContext,
} from '../../domain/research-exports';

export function researchRoutes(context: ResearchContext & { limitWrites: RequestHandler }): Router {
  const router = Router();
  router.get('/research/participation/me', requireSession, async (req, res) => {
    res
      .set('Cache-Control', 'no-store')
      .json(await readParticipation(context.researchSharing, context.erasure, sessionOf(req).address));
  });
  router.post('/research/exports', requireSession, context.limitWrites, async (req, res) => {
    const request = ResearchExportRequestSchema.parse(req.body);
    res.status(201).json(await createResearchExport(context, sessionOf(req).address, request));
  });
  router.get('/research/exports', requireSession, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await listResearchExports(context, sessionOf(req).address));
  });
  router.get('/research/exports/:id', requireSession, async (req, res) => {
    const { id } = ResearchExportParamsSchema.parse(req.params);
    const canonical = await readResearchExport(context, sessionOf(req).address, id);
    res
      .set('Cache-Control', 'no-store')
      .set('Content-Disposition', `attachment; filename="research-export-${id}.json"`)
      .type('application/json')
      .send(canonical);
  });
  return router;
}
