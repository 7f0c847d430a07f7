import type { Principal } from '@hangviet/service-kit';
import type { BoothApplication } from '../domain/booth-application';
import { computeSupport } from '../domain/support-funding';
import { changeApplication } from './get-application';
import { getFair } from './get-fair';
import { fairContextOf, type TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export interface ConfirmOfferCommand {
  fairId: string;
  applicationId: string;
}

/** The enterprise accepts the booths offered to it before the deadline; support is computed as for an allocation. */
export async function confirmOffer(deps: TradeFairDeps, principal: Principal | undefined, command: ConfirmOfferCommand): Promise<BoothApplication> {
  const actor = requireRoles(principal, 'confirmOffer');
  const fair = await getFair(deps, command.fairId);
  const context = fairContextOf(fair.state);
  const app = await changeApplication(
    deps, command,
    (a) => deps.businesses.assertOwns(actor, a.state.businessId),
    async (a) => {
      const t = (await deps.applications.participations([a.state.businessId], context.year, command.fairId)).get(a.state.businessId) ?? { fairs: 0, supportVnd: 0 };
      const support = computeSupport({ boothFeeVnd: fair.state.boothFeeVnd, booths: a.state.booths.length, policy: fair.state.supportPolicy, participationsThisYear: t.fairs, supportThisYearVnd: t.supportVnd });
      a.confirm(support, actor.subject, deps.now());
    },
  );
  await deps.holds.setState(app.id, 'ALLOCATED');
  return app;
}
