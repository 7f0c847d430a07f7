// Reference data for forms and filters: 2025 provinces and wards, VSIC industries. Public.
import { parse } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import { industry, provinces, province, searchIndustries, wards, type Industry } from '@hangviet/vn';
import { Router } from 'express';
import { industriesQuery, provinceParams } from './schemas';

const SECTION_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUV'.split('');

export function referenceRouter(): Router {
  const router = Router();

  router.get('/v1/provinces', (_req, res) => {
    res.json({ items: provinces() });
  });

  router.get('/v1/provinces/:code/wards', (req, res) => {
    const { code } = parse(provinceParams, req.params, 'params');
    if (!province(code)) throw notFound('PROVINCE_NOT_FOUND', `No 2025 province has code ${code}.`, { code });
    res.json({ items: wards(code) });
  });

  router.get('/v1/industries', (req, res) => {
    const { edition, q } = parse(industriesQuery, req.query, 'query');
    // Without a query: the sections of the edition, the top of the tree.
    const items = q
      ? searchIndustries(edition, q)
      : SECTION_LETTERS.map((letter) => industry(edition, letter)).filter((i): i is Industry => i?.level === 'SECTION');
    res.json({ items });
  });

  return router;
}
