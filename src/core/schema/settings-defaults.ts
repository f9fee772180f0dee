// The settings a register may leave out, and their values: plain data,
// read by the zod schema (settings.ts) for its defaults and descriptions and
// by settings-read.ts, so that commands do not load zod (40 ms at start-up).

/** The settings a register may leave out; everything that reads settings applies them through settingsWithDefaults. */
export const SETTINGS_DEFAULTS = {
  reviewIntervalMonths: 12,
  contractWarningDays: 90,
  procurementLeadMonths: 9,
  reminderDays: 30,
  maxLeaversPercent: 10,
  changeReports: 'ärende',
  dataLicense: 'https://creativecommons.org/publicdomain/zero/1.0/',
  updateFrequency: 'löpande',
  securityCheckIntervalMonths: 12,
  missingContinuityFacts: 'varning',
} as const;
