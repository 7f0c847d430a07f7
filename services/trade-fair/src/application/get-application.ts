// One application of a fair (404 when unknown), and the one way an application's later moves are
// applied: load, authorize, move, save; booths it held are freed and offered to the waitlist at once.
import { isConcurrentUpdate } from '@hangviet/events';
import { conflict, notFound } from '@hangviet/service-kit/errors';
import type { BoothApplication } from '../domain/booth-application';
import { getFair } from './get-fair';
import { offerFreedBooths } from './offer-freed-booths';
import { fairContextOf, type TradeFairDeps } from './ports';

export async function getApplication(deps: TradeFairDeps, fairId: string, applicationId: string): Promise<BoothApplication> {
  const app = await deps.applications.findById(applicationId);
  if (!app || app.state.fairId !== fairId) throw notFound('APPLICATION_NOT_FOUND', `The fair has no application ${applicationId}.`, { applicationId });
  return app;
}

export async function changeApplication(
  deps: TradeFairDeps,
  ref: { fairId: string; applicationId: string },
  authorize: (app: BoothApplication) => unknown,
  change: (app: BoothApplication) => void | Promise<void>,
): Promise<BoothApplication> {
  const fair = await getFair(deps, ref.fairId);
  const app = await getApplication(deps, ref.fairId, ref.applicationId);
  await authorize(app);
  const held = app.state.booths.length > 0;
  await change(app);
  try {
    await deps.applications.save(app, fairContextOf(fair.state));
  } catch (err) {
    if (isConcurrentUpdate(err)) throw conflict('APPLICATION_CHANGED', 'The application changed meanwhile; read it again.', { applicationId: ref.applicationId });
    throw err;
  }
  if (!app.live) {
    await deps.holds.release(app.id);
    if (held) await offerFreedBooths(deps, { fairId: ref.fairId, actorSubject: 'system:waitlist' });
  }
  return app;
}
