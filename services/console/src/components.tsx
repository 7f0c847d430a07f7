import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './lib/api';
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

export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const detail = error instanceof ApiError ? `${error.problem.detail} (${error.problem.code})` : String((error as Error).message ?? error);
  return (
    <p role="alert" className="error">
      {t('common.error', { detail })}
    </p>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`status status-${status.toLowerCase()}`}>{t(`status.${status}`, status)}</span>;
}
