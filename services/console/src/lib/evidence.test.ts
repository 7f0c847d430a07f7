import {
  EVIDENCE_MAX_BYTES as REGISTRY_MAX_BYTES,
  EVIDENCE_MEDIA_TYPES as REGISTRY_MEDIA_TYPES,
} from '@hangviet/business-registry/dist/domain/evidence';
import { checkEvidenceFile, declaredType, EVIDENCE_MAX_BYTES, EVIDENCE_MEDIA_TYPES } from './evidence';

const PDF = '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

describe('the registration certificate chosen in the console', () => {
  it('keeps the registry’s limits', () => {
    expect(EVIDENCE_MAX_BYTES).toBe(REGISTRY_MAX_BYTES);
    expect([...EVIDENCE_MEDIA_TYPES]).toEqual([...REGISTRY_MEDIA_TYPES]);
  });

  it('accepts a PDF, PNG or JPEG whose bytes match its type, typed or known by its extension', async () => {
    await expect(checkEvidenceFile(new File([PDF], 'gcn.pdf', { type: 'application/pdf' }))).resolves.toEqual(
      { ok: true, mediaType: 'application/pdf' },
    );
    await expect(checkEvidenceFile(new File([PNG], 'gcn.png', { type: 'image/png' }))).resolves.toEqual({
      ok: true,
      mediaType: 'image/png',
    });
    await expect(checkEvidenceFile(new File([JPEG], 'GCN.JPG'))).resolves.toEqual({
      ok: true,
      mediaType: 'image/jpeg',
    });
    expect(declaredType({ name: 'x', type: 'image/jpg' })).toBe('image/jpeg');
  });

  it('refuses no file, another type, an empty or too large file, and bytes that are not what the type says', async () => {
    await expect(checkEvidenceFile(undefined)).resolves.toEqual({ ok: false, problem: 'required' });
    await expect(
      checkEvidenceFile(
        new File(['hello'], 'gcn.docx', {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
      ),
    ).resolves.toEqual({ ok: false, problem: 'type' });
    await expect(checkEvidenceFile(new File(['hello'], 'gcn.txt'))).resolves.toEqual({
      ok: false,
      problem: 'type',
    });
    await expect(checkEvidenceFile(new File([], 'gcn.pdf', { type: 'application/pdf' }))).resolves.toEqual({
      ok: false,
      problem: 'empty',
    });
    const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    big.set(new TextEncoder().encode('%PDF-'));
    await expect(checkEvidenceFile(new File([big], 'gcn.pdf', { type: 'application/pdf' }))).resolves.toEqual(
      { ok: false, problem: 'size' },
    );
    await expect(checkEvidenceFile(new File([PNG], 'gcn.pdf', { type: 'application/pdf' }))).resolves.toEqual(
      { ok: false, problem: 'content' },
    );
  });
});
