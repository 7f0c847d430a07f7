// The expiry job's use case: the one `expiring` notice and the expiry of every certificate due.
import type { ProductCertificationDeps } from './ports';

/**
 * Each change is a version-guarded single-document write whose state records the notice: a second instance
 * racing on the same certificate loses the write (409) and emits nothing.
 */
export async function advanceCertificates(deps: ProductCertificationDeps): Promise<{ changed: number; lost: number }> {
  const now = deps.now();
  const due = await deps.certificates.endingBefore(new Date(now.getTime() + 30 * 86_400_000), 500);
  let changed = 0;
  let lost = 0;
  for (const certificate of due) {
    if (!certificate.advance(now)) continue;
    try {
      await deps.certificates.save(certificate);
      changed++;
    } catch (err) {
      if ((err as { code?: string }).code !== 'CONCURRENT_UPDATE') throw err;
      lost++;
    }
  }
  return { changed, lost };
}
