import type { Principal } from '@hangviet/service-kit';
import { AppError, conflict, failedPrecondition, invalid, type FieldError } from '@hangviet/service-kit/errors';
import { BoothApplication } from '../domain/booth-application';
import { unknownBooths } from '../domain/venue';
import { getFair } from './get-fair';
import { fairContextOf, type TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export interface SubmitApplicationCommand {
  fairId: string;
  businessId: string;
  boothsWanted: number;
  preferredZone?: string;
  preferredBooths?: string[];
  wantsCorner?: boolean;
  productIds: string[];
  catalogueEntry: string;
}

/**
 * An enterprise applies for its own ACTIVE business (staff may on its behalf), inside the fair's window,
 * once per fair (a unique key in the database), showing its own products; every refusal names the field and rule.
 */
export async function submitApplication(deps: TradeFairDeps, principal: Principal | undefined, command: SubmitApplicationCommand): Promise<BoothApplication> {
  const { fairId } = command;
  requireRoles(principal, 'submitApplication');
  const actor = await deps.businesses.assertOwns(principal, command.businessId);
  // The three reads are independent: asked together (one round trip of latency, not three). A failure
  // of the later two surfaces where they are awaited, after the fair's own checks.
  const businessRead = deps.businesses.find(command.businessId);
  const productsRead = deps.certification.productsOf(command.businessId);
  businessRead.catch(() => undefined);
  productsRead.catch(() => undefined);
  const fair = await getFair(deps, fairId);
  const now = deps.now();
  const f = fair.state;
  if (f.status !== 'OPEN') throw failedPrecondition('FAIR_NOT_OPEN', `The fair takes no applications in status ${f.status}.`, { status: f.status });
  if (!fair.acceptsApplicationsAt(now)) {
    const code = now < f.applicationOpenTime ? 'APPLICATION_WINDOW_NOT_OPEN' : 'APPLICATION_WINDOW_CLOSED';
    throw failedPrecondition(code, `Applications are taken from ${f.applicationOpenTime.toISOString()} until ${f.applicationCloseTime.toISOString()}.`);
  }
  const errors: FieldError[] = [];
  if (command.boothsWanted > f.rules.maxBoothsPerBusiness) {
    errors.push({ field: 'boothsWanted', code: 'MAX_BOOTHS_EXCEEDED', message: `this fair gives at most ${f.rules.maxBoothsPerBusiness} booth(s) per business` });
  }
  const preferred = command.preferredBooths ?? [];
  // The plan is read only to check the preferences named (a venue of 500 booths is a large document).
  const venue = preferred.length > 0 || command.preferredZone !== undefined ? await deps.venues.findById(f.venueId) : undefined;
  for (const code of unknownBooths(venue ?? { booths: [] }, preferred)) {
    errors.push({ field: `preferredBooths[${preferred.indexOf(code)}]`, code: 'BOOTH_UNKNOWN', message: `the venue has no booth ${code}` });
  }
  if (command.preferredZone !== undefined && !venue?.booths.some((b) => b.zone === command.preferredZone)) {
    errors.push({ field: 'preferredZone', code: 'ZONE_UNKNOWN', message: `the venue has no zone ${command.preferredZone}` });
  }
  const business = await businessRead;
  if (!business || business.status !== 'ACTIVE') {
    errors.push({ field: 'businessId', code: 'BUSINESS_NOT_ACTIVE', message: `business ${command.businessId} is not an active business of the directory` });
  } else if (f.rules.eligibility === 'PROVINCE_ONLY' && business.provinceCode !== f.provinceCode) {
    errors.push({ field: 'businessId', code: 'NOT_LOCAL', message: `this fair takes only enterprises of province ${f.provinceCode}` });
  }
  const own = new Map((await productsRead).map((p) => [p.id, p]));
  command.productIds.forEach((id, i) => {
    if (!own.has(id)) errors.push({ field: `productIds[${i}]`, code: 'PRODUCT_NOT_OWN', message: `product ${id} is not a product of this business` });
  });
  const shown = command.productIds.map((id) => own.get(id)).filter((p) => p !== undefined);
  if (f.rules.certifiedProducts === 'REQUIRED' && shown.length === command.productIds.length && !shown.some((p) => p.certified)) {
    errors.push({ field: 'productIds', code: 'CERTIFIED_PRODUCTS_REQUIRED', message: 'this fair requires at least one certified product among those shown' });
  }
  if (errors.length > 0) throw invalid(errors);

  const app = BoothApplication.submit(
    {
      id: deps.applications.newId(),
      fairId,
      businessId: command.businessId,
      businessName: business!.name,
      boothsWanted: command.boothsWanted,
      ...(command.preferredZone !== undefined ? { preferredZone: command.preferredZone } : {}),
      preferredBooths: preferred,
      wantsCorner: command.wantsCorner ?? false,
      products: shown.map((p) => ({ id: p.id, name: p.name })),
      catalogueEntry: command.catalogueEntry.normalize('NFC').trim(),
      submitTime: now,
    },
    actor.subject,
  );
  try {
    await deps.applications.add(app, fairContextOf(f));
  } catch (err) {
    // The unique live key: one live application per business per fair.
    if (err instanceof AppError && err.code === 'ALREADY_EXISTS') {
      throw conflict('APPLICATION_EXISTS', 'This business already has a live application at this fair; withdraw it first to apply again.', { fairId, businessId: command.businessId });
    }
    throw err;
  }
  return app;
}
