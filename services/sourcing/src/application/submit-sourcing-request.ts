import { authorize, isStaff, type Principal } from '@hangviet/service-kit';
import { invalid } from '@hangviet/service-kit/errors';
import { SourcingRequest, type OriginPreference, type ProductGroup, type RequiredCertification } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import { actFor } from './acting';
import type { SourcingDeps } from './ports';

export interface SubmitSourcingRequestCommand {
  /** A business of the directory; omitted by staff filing for an outside buyer (then `buyerName` and `provinceCode`). */
  buyerBusinessId?: string;
  buyerName?: string;
  provinceCode?: string;
  title: string;
  description: string;
  industry: { edition: '2018' | '2025'; code: string };
  productGroup?: ProductGroup;
  requiredCertifications?: RequiredCertification[];
  quantity: number;
  unit: string;
  neededBy: string;
  originPreference: OriginPreference;
  responseCap: number;
  closingTime: Date;
}

/** A buyer files a request for its own ACTIVE business; staff for any, or for an outside buyer. It waits for review. */
export async function submitSourcingRequest(deps: SourcingDeps, principal: Principal | undefined, command: SubmitSourcingRequestCommand): Promise<SourcingRequest> {
  const caller = authorize(principal, ACCESS.submitSourcingRequest);
  let buyer: { businessId?: string; name: string; status?: string; provinceCode: string };
  if (command.buyerBusinessId === undefined) {
    if (!isStaff(caller)) throw invalid([{ field: 'buyerBusinessId', code: 'REQUIRED', message: 'an enterprise files for its own business' }]);
    if (!command.provinceCode) throw invalid([{ field: 'provinceCode', code: 'REQUIRED', message: 'an outside buyer needs the province its local makers are of' }]);
    buyer = { name: command.buyerName ?? '', provinceCode: command.provinceCode };
  } else {
    await actFor(deps, caller, command.buyerBusinessId);
    const known = await deps.businesses.current(command.buyerBusinessId);
    buyer = { businessId: command.buyerBusinessId, name: known?.name ?? '', status: known?.status, provinceCode: command.provinceCode ?? known?.provinceCode ?? '' };
  }
  const request = SourcingRequest.submit({
    id: deps.requests.newId(),
    buyer,
    title: command.title,
    description: command.description,
    industry: command.industry,
    ...(command.productGroup ? { productGroup: command.productGroup } : {}),
    requiredCertifications: command.requiredCertifications ?? [],
    quantity: command.quantity,
    unit: command.unit,
    neededBy: command.neededBy,
    originPreference: command.originPreference,
    responseCap: command.responseCap,
    closingTime: command.closingTime,
    actor: caller.subject,
    now: deps.now(),
  });
  await deps.requests.add(request);
  return request;
}
