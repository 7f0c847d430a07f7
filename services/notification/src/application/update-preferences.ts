// Merges a patch into the stored (or default) preferences; null clears a field.
import { defaultPreferences, type Preferences } from '../domain/preferences';
import type { PreferencesView } from './get-preferences';
import type { NotificationDeps } from './ports';

export interface PreferencesPatch {
  channels?: Partial<Preferences['channels']>;
  locale?: Preferences['locale'] | null;
  phone?: string | null;
  smsQuietHours?: Preferences['smsQuietHours'] | null;
}

export async function updatePreferences(deps: NotificationDeps, command: { recipientKey: string; patch: PreferencesPatch }): Promise<PreferencesView> {
  const { recipientKey, patch } = command;
  const current = await deps.people.preferences(recipientKey);
  const next: Preferences = { ...current, channels: { ...defaultPreferences().channels, ...current.channels, ...patch.channels } };
  for (const field of ['locale', 'phone', 'smsQuietHours'] as const) {
    const value = patch[field];
    if (value === null) delete next[field];
    else if (value !== undefined) (next as unknown as Record<string, unknown>)[field] = value;
  }
  await deps.people.savePreferences(recipientKey, next, deps.now());
  return { recipient: recipientKey, ...next };
}
