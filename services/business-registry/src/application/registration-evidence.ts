// Attaching and reading the registration certificate of a self-registration (domain/evidence.ts). Stored apart
// from the business: a few MB never travel with directory reads or events.
import { createHash } from 'node:crypto';
import { authorize, type Principal } from '@hangviet/service-kit';
import { failedPrecondition, forbidden, invalid, unsupportedMediaType } from '@hangviet/service-kit/errors';
import { businessNotFound, canSeeEverything, requireEditor } from './access';
import { EVIDENCE_MEDIA_TYPES, type EvidenceDocument, type EvidenceMediaType, type EvidenceSummary } from '../domain/evidence';
import { ACCESS } from './access-rules';
import type { RegistryDeps } from './ports';

const MAGIC: Record<EvidenceMediaType, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

/** Owner or staff attach the certificate while the registration is under review; a new upload replaces it. */
export async function attachEvidence(
  deps: RegistryDeps,
  principal: Principal | undefined,
  cmd: { id: string; mediaType: string; content: Buffer },
): Promise<EvidenceSummary> {
  authorize(principal, ACCESS.attachRegistrationEvidence);
  const business = await deps.businesses.findById(cmd.id);
  if (!business || !canSeeEverything(principal, business.state)) {
    if (principal && business) throw forbidden('NOT_OWNER', 'Only staff or the owner may attach evidence.', { businessId: cmd.id });
    throw businessNotFound(cmd.id);
  }
  const p = requireEditor(principal, business);
  if (business.status !== 'PENDING_REVIEW') {
    throw failedPrecondition('BUSINESS_NOT_UNDER_REVIEW', `Evidence is attached while a registration is under review; this one is ${business.status}.`, { status: business.status });
  }
  const mediaType = EVIDENCE_MEDIA_TYPES.find((t) => t === cmd.mediaType);
  if (!mediaType) throw unsupportedMediaType('UNSUPPORTED_MEDIA_TYPE', `Evidence is a PDF, PNG or JPEG document, not ${cmd.mediaType || 'untyped'}.`);
  if (cmd.content.length === 0) throw invalid([{ field: 'body', code: 'REQUIRED', message: 'The document is empty.' }]);
  if (!MAGIC[mediaType](cmd.content)) throw invalid([{ field: 'body', code: 'CONTENT_TYPE_MISMATCH', message: `The document is not a ${mediaType} file.` }]);
  const doc: EvidenceDocument = {
    businessId: cmd.id,
    mediaType,
    sha256: createHash('sha256').update(cmd.content).digest('hex'),
    sizeBytes: cmd.content.length,
    uploadedBy: p.subject,
    uploadTime: deps.now(),
    content: cmd.content,
  };
  await deps.evidence.put(doc);
  const { content: _content, ...summary } = doc;
  return summary;
}

/** Staff and the owner read it back; everyone else learns nothing (404). */
export async function readEvidence(deps: RegistryDeps, principal: Principal | undefined, id: string): Promise<EvidenceDocument> {
  const business = await deps.businesses.findById(id);
  if (!business || !canSeeEverything(principal, business.state)) throw businessNotFound(id);
  const doc = await deps.evidence.get(id);
  if (!doc) throw failedPrecondition('EVIDENCE_MISSING', `Business ${id} has no registration certificate attached.`, { businessId: id });
  return doc;
}
