// hangviet.registry.v1.BusinessDirectoryService over the same use cases as REST. Every call carries a
// token (createGrpcServer refuses others): another service (role `service`) and staff see every status;
// a user token gets that user's rights, as over REST; personal data only for staff and the owner.
import {
  BusinessDirectoryServiceService,
  type BatchGetBusinessesRequest,
  type BatchGetBusinessesResponse,
  type BusinessDirectoryServiceServer,
  type FindBusinessByOwnerRequest,
  type FindBusinessByOwnerResponse,
  type GetBusinessRequest,
  type GetBusinessResponse,
  type ListBusinessesRequest,
  type ListBusinessesResponse,
  type LookupBusinessByTaxCodeRequest,
  type LookupBusinessByTaxCodeResponse,
} from '@hangviet/contracts/hangviet/registry/v1/business_directory_service';
import { BusinessStatus, BusinessType } from '@hangviet/contracts/hangviet/registry/v1/business';
import { isStaff, unary, type GrpcServiceRegistration, type Principal } from '@hangviet/service-kit';
import { invalid, type FieldError } from '@hangviet/service-kit/errors';
import { isService, requireVisible } from '../../application/access';
import { viewOf } from '../../application/business-view';
import { findBusinessByOwner } from '../../application/find-business-by-owner';
import { getBusiness, getBusinesses } from '../../application/get-business';
import { lookupBusinessByTaxCode } from '../../application/lookup-business-by-tax-code';
import type { RegistryDeps } from '../../application/ports';
import { MAX_PAGE_SIZE, searchBusinesses, type SearchBusinessesQuery } from '../../application/search-businesses';
import { fromProtoStatus, fromProtoType, toProtoBusiness } from '../../infrastructure/proto-mapping';

export const MAX_BATCH_IDS = 100;
/** What the caller's rights let it see: services and staff every status, others as over REST. */
const visibility = (p: Principal | undefined) => ({ allStatuses: isService(p) || isStaff(p) });

function requireId(id: string, field: string): string {
  if (id.trim() === '') throw invalid([{ field, code: 'REQUIRED', message: `${field} is required` }]);
  return id;
}

function listQuery(req: ListBusinessesRequest): SearchBusinessesQuery {
  const errors: FieldError[] = [];
  if (req.pageSize < 0 || req.pageSize > MAX_PAGE_SIZE) {
    errors.push({ field: 'page_size', code: 'OUT_OF_RANGE', message: `page_size must be 0–${MAX_PAGE_SIZE}` });
  }
  const type = req.type === BusinessType.BUSINESS_TYPE_UNSPECIFIED ? undefined : fromProtoType(req.type);
  if (req.type !== BusinessType.BUSINESS_TYPE_UNSPECIFIED && !type) errors.push({ field: 'type', code: 'INVALID_VALUE', message: 'unknown business type' });
  const status = req.status === BusinessStatus.BUSINESS_STATUS_UNSPECIFIED ? undefined : fromProtoStatus(req.status);
  if (req.status !== BusinessStatus.BUSINESS_STATUS_UNSPECIFIED && !status) errors.push({ field: 'status', code: 'INVALID_VALUE', message: 'unknown business status' });
  if (req.provinceCode && !/^\d{2}$/.test(req.provinceCode)) errors.push({ field: 'province_code', code: 'INVALID_FORMAT', message: 'a 2-digit province code' });
  if (req.wardCode && !/^\d{5}$/.test(req.wardCode)) errors.push({ field: 'ward_code', code: 'INVALID_FORMAT', message: 'a 5-digit ward code' });
  if (req.industryCode && !/^([A-Za-z]|\d{2,5})$/.test(req.industryCode)) {
    errors.push({ field: 'industry_code', code: 'INVALID_FORMAT', message: 'a VSIC section letter or a 2–5 digit code prefix' });
  }
  if (req.query.length > 200) errors.push({ field: 'query', code: 'TOO_BIG', message: 'query must be at most 200 characters' });
  if (errors.length > 0) throw invalid(errors);
  return {
    ...(req.query.trim() ? { q: req.query } : {}),
    ...(req.provinceCode ? { provinceCode: req.provinceCode } : {}),
    ...(req.wardCode ? { wardCode: req.wardCode } : {}),
    ...(req.industryCode ? { industryCode: req.industryCode.toUpperCase() } : {}),
    ...(type ? { type } : {}),
    ...(status ? { status } : {}),
    ...(req.pageSize > 0 ? { pageSize: req.pageSize } : {}),
    ...(req.pageToken ? { pageToken: req.pageToken } : {}),
  };
}

export function businessDirectoryService(deps: RegistryDeps): GrpcServiceRegistration {
  const implementation: BusinessDirectoryServiceServer = {
    getBusiness: unary<GetBusinessRequest, GetBusinessResponse>(async (req, ctx) => {
      const business = await getBusiness(deps, ctx.principal, requireId(req.id, 'id'), visibility(ctx.principal));
      return { business: toProtoBusiness(viewOf(business.state, ctx.principal)) };
    }),
    batchGetBusinesses: unary<BatchGetBusinessesRequest, BatchGetBusinessesResponse>(async (req, ctx) => {
      if (req.ids.length === 0) throw invalid([{ field: 'ids', code: 'REQUIRED', message: 'ids must name at least one business' }]);
      if (req.ids.length > MAX_BATCH_IDS) throw invalid([{ field: 'ids', code: 'TOO_BIG', message: `at most ${MAX_BATCH_IDS} ids per call` }]);
      req.ids.forEach((id, n) => requireId(id, `ids[${n}]`));
      const businesses = await getBusinesses(deps, req.ids);
      if (!visibility(ctx.principal).allStatuses) businesses.forEach((b) => requireVisible(ctx.principal, b, b.id));
      return { businesses: businesses.map((b) => toProtoBusiness(viewOf(b.state, ctx.principal))) };
    }),
    lookupBusinessByTaxCode: unary<LookupBusinessByTaxCodeRequest, LookupBusinessByTaxCodeResponse>(async (req, ctx) => {
      if (req.taxCode.trim() === '') throw invalid([{ field: 'tax_code', code: 'REQUIRED', message: 'tax_code is required' }]);
      const business = await lookupBusinessByTaxCode(deps, ctx.principal, req.taxCode, visibility(ctx.principal));
      return { business: toProtoBusiness(viewOf(business.state, ctx.principal)) };
    }),
    listBusinesses: unary<ListBusinessesRequest, ListBusinessesResponse>(async (req, ctx) => {
      const result = await searchBusinesses(deps, ctx.principal, listQuery(req), visibility(ctx.principal));
      return { businesses: result.items.map((b) => toProtoBusiness(viewOf(b, ctx.principal))), nextPageToken: result.nextPageToken };
    }),
    findBusinessByOwner: unary<FindBusinessByOwnerRequest, FindBusinessByOwnerResponse>(async (req, ctx) => {
      const business = await findBusinessByOwner(deps, ctx.principal, { ownerSubject: requireId(req.ownerSubject, 'owner_subject') });
      return { business: toProtoBusiness(viewOf(business.state, ctx.principal)) };
    }),
  };
  return { definition: BusinessDirectoryServiceService, implementation };
}
