// The settings as the code reads them, with the defaults filled in: what
// every command needs at run time, apart from the zod schema (settings.ts),
// which only building the JSON Schemas and the documentation needs.
import type { Settings, SettingsInput } from './settings.ts';
import { SETTINGS_DEFAULTS } from './settings-defaults.ts';

/** Schema-valid settings data with the defaults filled in. */
export function settingsWithDefaults(data: SettingsInput): Settings {
  return { ...SETTINGS_DEFAULTS, ...data } as Settings;
}

/**
 * What the model holds when the register has no valid settings.yaml (the
 * validator reports it): the defaults, and placeholders that show it.
 */
export const PLACEHOLDER_SETTINGS: Settings = settingsWithDefaults({
  municipality: 'Kommunen',
  siteUrl: 'http://localhost/',
  repositoryUrl: 'https://github.com/',
  defaultBranch: 'main',
  itDepartment: 'it-avdelningen',
  itTeam: '@org/it',
  contactEmail: 'it@example.invalid',
});
