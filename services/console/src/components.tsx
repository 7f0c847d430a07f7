import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemSummary } from './lib/problems';
import { navigate } from './navigation';

export function Link({ href, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      {...rest}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || href.startsWith('/docs') || href.startsWith('/oidc')) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

/** A failed call in the reader's language (the one map in lib/problems): what no field of the form shows. */
export function ErrorNote({ error, shownFields }: { error: unknown; shownFields?: readonly string[] }) {
  const { i18n } = useTranslation();
  const lines = problemSummary(error, i18n.language === 'en' ? 'en' : 'vi', shownFields);
  if (lines.length === 0) return null;
  return (
    <div role="alert" className="error">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

/** How many items a queue shows per page. */
export function PageSizeSelect({ value, onChange }: { value: number; onChange: (size: number) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('queue.pageSize')}
      <select name="pageSize" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {[10, 20, 50].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

export type StatusKind = 'business' | 'certificate' | 'product' | 'fair';

/** A status in words, by the kind of record it belongs to (a business's SUSPENDED is not a certificate's). */
export function StatusBadge({ status, kind = 'business' }: { status: string; kind?: StatusKind }) {
  const { t } = useTranslation();
  return <span className={`status status-${status.toLowerCase()}`}>{t(`statusOf.${kind}.${status}`, t(`status.${status}`, status))}</span>;
}
