// The registration certificate (giấy chứng nhận đăng ký) an applicant attaches to a self-registration, which
// staff check before approving (issue 12, item 1): what it may be, and what is kept of it.
export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;
export const EVIDENCE_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

export interface EvidenceDocument {
  businessId: string;
  mediaType: EvidenceMediaType;
  sha256: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadTime: Date;
  content: Buffer;
}

export type EvidenceSummary = Omit<EvidenceDocument, 'content'>;
