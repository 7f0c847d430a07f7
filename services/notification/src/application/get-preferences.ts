// A recipient's notification preferences: channels, language, phone for SMS/Zalo, SMS quiet hours.
import type { Preferences } from '../domain/preferences';
import type { NotificationDeps } from './ports';

export interface PreferencesView extends Preferences {
  recipient: string;
}

export async function getPreferences(deps: NotificationDeps, query: { recipientKey: string }): Promise<PreferencesView> {
  return { recipient: query.recipientKey, ...(await deps.people.preferences(query.recipientKey)) };
}
