import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components';
import { formatDateTime } from '../lib/format';
import { api, type Page } from '../lib/api';
import { SignedIn } from './signed-in';

interface InboxMessage {
  id: string;
  subject?: string;
  title?: string;
  body?: string;
  text?: string;
  readTime?: string;
  createTime: string;
}

function Inbox() {
  const { t } = useTranslation();
  const [page, setPage] = useState<Page<InboxMessage>>();
  const [error, setError] = useState<unknown>();
  const load = () => api<Page<InboxMessage>>('/v1/inbox?pageSize=50').then(setPage, setError);
  useEffect(() => void load(), []);
  const markRead = async (id: string) => {
    await api(`/v1/inbox/${encodeURIComponent(id)}:markRead`, { method: 'POST' }).catch(setError);
    await load();
  };
  return (
    <section>
      <h1>{t('inbox.heading')}</h1>
      <ErrorNote error={error} />
      {page && page.items.length === 0 && <p>{t('inbox.empty')}</p>}
      <ul className="cards">
        {page?.items.map((m) => (
          <li key={m.id} className={`card ${m.readTime ? '' : 'unread'}`}>
            <h2>{m.subject ?? m.title}</h2>
            <p className="muted">
              {formatDateTime(m.createTime)}
              {!m.readTime && ` · ${t('inbox.unread')}`}
            </p>
            {/* The message's own line breaks (paragraphs, "Trân trọng," above the centre's name) kept. */}
            <p className="message-body">{m.body ?? m.text}</p>
            {!m.readTime && (
              <button type="button" onClick={() => void markRead(m.id)}>
                {t('inbox.markRead')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function InboxPage() {
  return <SignedIn role="enterprise">{() => <Inbox />}</SignedIn>;
}
