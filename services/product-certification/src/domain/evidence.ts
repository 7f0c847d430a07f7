// Evidence documents of a product: PDF, JPEG or PNG up to 5 MB, the declared type matching what the
// content is (detected from its bytes, not trusted from the client).
import { invalid } from '@hangviet/service-kit/errors';

export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** Throws 422 unless the document is of an accepted type, its content is that type, and it fits. */
export function checkEvidence(input: { declaredType: string; detectedType: string | undefined; size: number }): EvidenceType {
  const declared = input.declaredType.split(';')[0]!.trim().toLowerCase();
  if (!(EVIDENCE_TYPES as readonly string[]).includes(declared)) {
    throw invalid([{ field: 'Content-Type', code: 'UNSUPPORTED_TYPE', message: `documents are ${EVIDENCE_TYPES.join(', ')}; got ${declared || 'none'}` }]);
  }
  if (input.size === 0) throw invalid([{ field: 'body', code: 'EMPTY', message: 'the document is empty' }]);
  if (input.size > EVIDENCE_MAX_BYTES) throw invalid([{ field: 'body', code: 'TOO_LARGE', message: `documents are at most ${EVIDENCE_MAX_BYTES} bytes` }]);
  if (input.detectedType !== declared) {
    throw invalid([
      { field: 'body', code: 'CONTENT_TYPE_MISMATCH', message: `the content is ${input.detectedType ?? 'of no recognised type'}, not ${declared}` },
    ]);
  }
  return declared as EvidenceType;
}
