// The business's status changed in the directory: suspend, restore or revoke its certificates.
import type { Certificate, CertificateStatus } from '../domain/certificate';
import type { ProductCertificationDeps } from './ports';

/** Idempotent per certificate: a redelivered event finds the certificates already moved. */
export async function followBusinessStatus(deps: ProductCertificationDeps, command: { businessId: string; status: string; reason: string }): Promise<number> {
  const actor = { subject: 'business-registry' };
  const now = deps.now();
  const targets: Record<string, { from: CertificateStatus[]; act: (c: Certificate) => boolean }> = {
    SUSPENDED: { from: ['VALID', 'EXPIRING'], act: (c) => c.suspend(command.reason || 'business suspended', actor, now) },
    ACTIVE: { from: ['SUSPENDED'], act: (c) => c.restore(actor, now) },
    DISSOLVED: {
      from: ['VALID', 'EXPIRING', 'SUSPENDED', 'EXPIRED'],
      act: (c) => {
        c.revoke(command.reason ? `business dissolved: ${command.reason}` : 'business dissolved', actor, now);
        return true;
      },
    },
  };
  const target = targets[command.status];
  if (!target) return 0;
  let changed = 0;
  for (const certificate of await deps.certificates.ofBusiness(command.businessId, target.from)) {
    if (!target.act(certificate)) continue;
    // A concurrent change wins; the event is retried by the consumer and finds the certificate done.
    await deps.certificates.save(certificate);
    changed++;
  }
  return changed;
}
