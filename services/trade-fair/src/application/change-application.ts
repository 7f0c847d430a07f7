// An application's later moves: withdrawn by the enterprise, cancelled by staff or on the business's
// suspension, an offer confirmed. Booths it held are freed and offered to the waitlist at once.
import { requireRole, type Principal } from '@hangviet/service-kit';
import { conflict, invalid, notFound } from '@hangviet/service-kit/errors';
import type { BoothApplication } from '../domain/booth-application';
import { computeSupport } from '../domain/support-funding';
import { requireStaff } from './access';
import { getFair } from './manage-fairs';
import { fairContextOf, type TradeFairDeps } from './ports';
import { offerFreedBooths } from './waitlist';

export async function getApplication(deps: TradeFairDeps, fairId: string, applicationId: string): Promise<BoothApplication> {
  const app = await deps.applications.findById(applicationId);
  if (!app || app.state.fairId !== fairId) throw notFound('APPLICATION_NOT_FOUND', `The fair has no application ${applicationId}.`, { applicationId });
  return app;
}

async function changeApplication(
  deps: TradeFairDeps,
  fairId: string,
  applicationId: string,
  authorize: (app: BoothApplication) => unknown,
  change: (app: BoothApplication) => void | Promise<void>,
): Promise<BoothApplication> {
  const fair = await getFair(deps, fairId);
  const app = await getApplication(deps, fairId, applicationId);
  await authorize(app);
  const held = app.state.booths.length > 0;
  await change(app);
  if (!(await deps.applications.save(app, fairContextOf(fair.state)))) throw conflict('APPLICATION_CHANGED', 'The application changed meanwhile; read it again.', { applicationId });
  if (!app.live) {
    await deps.holds.release(app.id);
    if (held) await offerFreedBooths(deps, fairId, 'system:waitlist');
  }
  return app;
}

export async function withdrawApplication(deps: TradeFairDeps, principal: Principal | undefined, fairId: string, applicationId: string): Promise<BoothApplication> {
  const actor = requireRole(principal, 'enterprise');
  return changeApplication(deps, fairId, applicationId, (app) => deps.businesses.assertOwns(actor, app.state.businessId), (app) => app.withdraw(actor.subject, deps.now()));
}

export async function cancelApplication(deps: TradeFairDeps, principal: Principal | undefined, fairId: string, applicationId: string, reason: string): Promise<BoothApplication> {
  const actor = requireStaff(principal);
  if (reason.trim() === '') throw invalid([{ field: 'reason', code: 'REQUIRED', message: 'say why the application is cancelled' }]);
  return changeApplication(deps, fairId, applicationId, () => undefined, (app) => app.cancel(reason.trim(), actor.subject, deps.now()));
}

/** The enterprise accepts the booths offered to it before the deadline; support is computed as for an allocation. */
export async function confirmOffer(deps: TradeFairDeps, principal: Principal | undefined, fairId: string, applicationId: string): Promise<BoothApplication> {
  const actor = requireRole(principal, 'enterprise');
  const fair = await getFair(deps, fairId);
  const context = fairContextOf(fair.state);
  const app = await changeApplication(
    deps, fairId, applicationId,
    (a) => deps.businesses.assertOwns(actor, a.state.businessId),
    async (a) => {
      const t = (await deps.applications.participations([a.state.businessId], context.year, fairId)).get(a.state.businessId) ?? { fairs: 0, supportVnd: 0 };
      const support = computeSupport({ boothFeeVnd: fair.state.boothFeeVnd, booths: a.state.booths.length, policy: fair.state.supportPolicy, participationsThisYear: t.fairs, supportThisYearVnd: t.supportVnd });
      a.confirm(support, actor.subject, deps.now());
    },
  );
  await deps.holds.setState(app.id, 'ALLOCATED');
  return app;
}

/** A suspended or dissolved business loses its live applications; its booths go to the waitlist. Idempotent. */
export async function releaseBusinessApplications(deps: TradeFairDeps, businessId: string, reason: 'BUSINESS_SUSPENDED' | 'BUSINESS_DISSOLVED'): Promise<number> {
  let count = 0;
  for (const app of await deps.applications.liveOfBusiness(businessId)) {
    const fair = await deps.fairs.findById(app.state.fairId);
    if (!fair || fair.state.status === 'CLOSED' || fair.state.status === 'RUNNING') continue;
    const held = app.state.booths.length > 0;
    app.cancel(reason, 'system:business-registry', deps.now());
    if (!(await deps.applications.save(app, fairContextOf(fair.state)))) continue; // changed meanwhile: the redelivery retries
    await deps.holds.release(app.id);
    if (held) await offerFreedBooths(deps, fair.id, 'system:waitlist');
    count++;
  }
  return count;
}
