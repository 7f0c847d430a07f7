import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components';
import { api } from '../lib/api';
import type { Session } from '../lib/session';
import { SignedIn } from './signed-in';

const CHANNELS = ['email', 'sms', 'zalo', 'inbox'] as const;
interface Preferences {
  channels: Record<(typeof CHANNELS)[number], boolean>;
  locale?: 'vi' | 'en' | null;
}

function Form({ session }: { session: Session }) {
  const { t } = useTranslation();
  const path = `/v1/businesses/${encodeURIComponent(session.businessId ?? '')}/notification-preferences`;
  const [prefs, setPrefs] = useState<Preferences>();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<Preferences>(path).then(setPrefs, setError);
  }, [path]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!prefs) return;
    setSaved(false);
    try {
      setPrefs(await api<Preferences>(path, { method: 'PATCH', json: { channels: prefs.channels, locale: prefs.locale ?? null } }));
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="narrow">
      <h1>{t('prefs.heading')}</h1>
      <ErrorNote error={error} />
      {prefs && (
        <form onSubmit={(e) => void submit(e)}>
          <fieldset>
            <legend>{t('prefs.heading')}</legend>
            {CHANNELS.map((c) => (
              <label key={c} className="check">
                <input type="checkbox" name={c} checked={!!prefs.channels[c]} onChange={(e) => setPrefs({ ...prefs, channels: { ...prefs.channels, [c]: e.target.checked } })} />
                {t(`prefs.${c}`)}
              </label>
            ))}
          </fieldset>
          <label>
            {t('prefs.locale')}
            <select name="locale" value={prefs.locale ?? 'vi'} onChange={(e) => setPrefs({ ...prefs, locale: e.target.value as 'vi' | 'en' })}>
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="submit">{t('prefs.save')}</button>
          {saved && <p role="status">{t('prefs.saved')}</p>}
        </form>
      )}
    </section>
  );
}

export function PreferencesPage() {
  return <SignedIn role="enterprise">{(session) => <Form session={session} />}</SignedIn>;
}
