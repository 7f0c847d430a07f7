// The registration certificate (giấy chứng nhận đăng ký doanh nghiệp) an enterprise attaches to its
// self-registration: the registry refuses to approve one without it (409 EVIDENCE_MISSING). The checks here
// mirror the registry's (services/business-registry/src/domain/evidence.ts), so a wrong
// file is refused before anything is sent: a PDF, PNG or JPEG, at most EVIDENCE_MAX_BYTES, whose first bytes
// are what its type says (the registry checks the bytes too).
import { api, ApiError } from './api';
import { currentSession } from './session';

/** The registry's EVIDENCE_MAX_BYTES (2 MB); evidence.test.ts keeps the two equal. */
export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;
export const EVIDENCE_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];
/** For `<input type=file accept>`: the types and their usual extensions (some systems give no type). */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

export type EvidenceProblem = 'required' | 'type' | 'size' | 'empty' | 'content';
export type EvidenceCheck =
  { ok: true; mediaType: EvidenceMediaType } | { ok: false; problem: EvidenceProblem };

export interface EvidenceSummary {
  mediaType: EvidenceMediaType;
  sha256: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadTime: string;
}

const BY_EXTENSION: Record<string, EvidenceMediaType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

const MAGIC: Record<EvidenceMediaType, (b: Uint8Array) => boolean> = {
  'application/pdf': (b) => String.fromCharCode(...b.subarray(0, 5)) === '%PDF-',
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

/** The media type the file declares, or (no type given, as on some systems) the one its extension names. */
export function declaredType(file: { name: string; type: string }): EvidenceMediaType | undefined {
  const type = file.type.toLowerCase() === 'image/jpg' ? 'image/jpeg' : file.type.toLowerCase();
  if (type) return EVIDENCE_MEDIA_TYPES.find((t) => t === type);
  return BY_EXTENSION[/\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? ''];
}

/** Whether the chosen file can be sent: type, size, and its first bytes against its type. */
export async function checkEvidenceFile(file: File | undefined | null): Promise<EvidenceCheck> {
  if (!file) return { ok: false, problem: 'required' };
  const mediaType = declaredType(file);
  if (!mediaType) return { ok: false, problem: 'type' };
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > EVIDENCE_MAX_BYTES) return { ok: false, problem: 'size' };
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (!MAGIC[mediaType](head)) return { ok: false, problem: 'content' };
  return { ok: true, mediaType };
}

const evidencePath = (businessId: string) => `/v1/businesses/${encodeURIComponent(businessId)}/evidence`;

/** PUT the file as the raw body (a new upload replaces the previous one). Errors: ApiError (problem+json). */
export function uploadEvidence(
  businessId: string,
  file: Blob,
  mediaType: EvidenceMediaType,
): Promise<EvidenceSummary> {
  return api<EvidenceSummary>(evidencePath(businessId), {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body: file,
  });
}

function authorised(): Headers {
  const headers = new Headers();
  const session = currentSession();
  if (session) headers.set('authorization', `Bearer ${session.accessToken}`);
  return headers;
}

/** Whether a certificate is attached: a HEAD of the evidence (200 yes, 409 EVIDENCE_MISSING no), nothing downloaded. */
export async function hasEvidence(businessId: string): Promise<boolean> {
  const response = await fetch(evidencePath(businessId), { method: 'HEAD', headers: authorised() });
  if (response.ok) return true;
  if (response.status === 409) return false;
  throw new ApiError({
    status: response.status,
    code: 'HTTP_ERROR',
    detail: response.statusText || String(response.status),
  });
}

/** The certificate as a blob (with the caller's token), for an object URL. */
export async function fetchEvidence(businessId: string): Promise<Blob> {
  const response = await fetch(evidencePath(businessId), { headers: authorised() });
  if (!response.ok) {
    const p = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new ApiError({
      status: response.status,
      code: p.code ?? 'HTTP_ERROR',
      detail: p.detail ?? response.statusText,
    });
  }
  return response.blob();
}
