// A recipient's notification preferences: channels, language, phone for SMS/Zalo, SMS quiet hours.
import { defaultPreferences, type Preferences } from '../domain/preferences';
import type { NotificationDeps } from './deps';
import { toPreferences } from './notify-people';

export interface PreferencesView extends Preferences {
  recipient: string;
}

export async function getPreferences(deps: NotificationDeps, recipientKey: string): Promise<PreferencesView> {
  return { recipient: recipientKey, ...toPreferences(await deps.models.preferences.findById(recipientKey).lean()) };
}

export interface PreferencesPatch {
  channels?: Partial<Preferences['channels']>;
  locale?: Preferences['locale'] | null;
  phone?: string | null;
  smsQuietHours?: Preferences['smsQuietHours'] | null;
}

/** Merges the patch into the stored (or default) preferences; null clears a field. */
export async function updatePreferences(deps: NotificationDeps, recipientKey: string, patch: PreferencesPatch): Promise<PreferencesView> {
  const current = toPreferences(await deps.models.preferences.findById(recipientKey).lean());
  const next: Preferences = { ...current, channels: { ...defaultPreferences().channels, ...current.channels, ...patch.channels } };
  for (const field of ['locale', 'phone', 'smsQuietHours'] as const) {
    const value = patch[field];
    if (value === null) delete next[field];
    else if (value !== undefined) (next as unknown as Record<string, unknown>)[field] = value;
  }
  await deps.models.preferences.replaceOne(
    { _id: recipientKey },
    { _id: recipientKey, ...next, updatedAt: deps.now() },
    { upsert: true },
  );
  return { recipient: recipientKey, ...next };
}
