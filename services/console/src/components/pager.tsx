// Paging of a staff queue over the API's page tokens (AIP-158): the tokens of the pages seen are kept, so
// "previous" goes back without the API offering it, and a changed filter starts again at page 1.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Paging {
  token: string;
  page: number;
  next: (nextPageToken: string) => void;
  previous: () => void;
  reset: () => void;
}

export function usePaging(): Paging {
  const [tokens, setTokens] = useState<string[]>(['']);
  const next = useCallback((nextPageToken: string) => setTokens((t) => [...t, nextPageToken]), []);
  const previous = useCallback(() => setTokens((t) => (t.length > 1 ? t.slice(0, -1) : t)), []);
  const reset = useCallback(() => setTokens(['']), []);
  return { token: tokens[tokens.length - 1]!, page: tokens.length, next, previous, reset };
}

export function Pager({ paging, nextPageToken, count, pageSize }: { paging: Paging; nextPageToken?: string; count: number; pageSize: number }) {
  const { t } = useTranslation();
  if (paging.page === 1 && !nextPageToken) return null;
  const from = (paging.page - 1) * pageSize + 1;
  return (
    <nav className="pager" aria-label={t('queue.paging')}>
      <button type="button" onClick={paging.previous} disabled={paging.page === 1}>
        {t('queue.previous')}
      </button>
      <span aria-live="polite">
        {t('queue.page', { page: paging.page })} · {t('queue.shown', { from: count ? from : 0, to: from + count - 1 })}
      </span>
      <button type="button" onClick={() => nextPageToken && paging.next(nextPageToken)} disabled={!nextPageToken}>
        {t('queue.next')}
      </button>
    </nav>
  );
}
