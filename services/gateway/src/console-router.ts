// The console's built files at /, and index.html for every other GET a browser navigates to (the app
// routes in the browser). API, docs, identity and probe paths are never answered with the app.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { fromRepositoryRoot, problemOf, sendProblem } from '@hangviet/service-kit';

const NOT_APP = /^\/(v1|oidc|identity|docs|\.well-known|healthz|readyz|metrics)(\/|$)/;

export function consoleRouter(dir: string): Router {
  const root = fromRepositoryRoot(dir);
  const router = Router();
  router.use(express.static(root, { index: false, maxAge: '1h', setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache') }));
  router.get(/.*/, (req, res, next) => {
    if (NOT_APP.test(req.path) || !req.accepts('html')) return next();
    const index = join(root, 'index.html');
    if (!existsSync(index)) {
      return sendProblem(res, problemOf(req, 503, 'CONSOLE_NOT_BUILT', 'The console is not built: npm run build -w @hangviet/console.'));
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
