// GET /v1/ocop-criteria: the OCOP score sheet's criteria as a public resource (the console's score sheet
// reads it; the :score body is checked against the same catalogue).
import { accessGuard } from '@hangviet/service-kit';
import { Router } from 'express';
import { ACCESS } from '../../application/access-rules';
import { OCOP_CRITERIA, OCOP_CRITERIA_SOURCE, PART_MAXIMA, PART_TITLES } from '../../domain/ocop-criteria';
import { NATIONAL_THRESHOLD } from '../../domain/score-sheet';

export function ocopCriteriaRouter(): Router {
  const router = Router();
  const body = {
    source: OCOP_CRITERIA_SOURCE,
    parts: (Object.keys(PART_MAXIMA) as (keyof typeof PART_MAXIMA)[]).map((part) => ({ part, title: PART_TITLES[part], max: PART_MAXIMA[part] })),
    nationalThreshold: NATIONAL_THRESHOLD,
    items: OCOP_CRITERIA,
  };
  router.get('/v1/ocop-criteria', accessGuard(ACCESS.listOcopCriteria), (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.json(body);
  });
  return router;
}
