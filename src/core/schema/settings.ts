// Register-wide settings: one file registry/settings.yaml. A municipality that
// adopts the template changes this file and the entries, nothing else.
import * as z from 'zod';
import { doc, duration, email, reference, text, url } from './common.ts';
import { VISIBILITY } from './visibility.ts';
import { SETTINGS_DEFAULTS } from './settings-defaults.ts';
import {
  AUDIENCES,
  CHANGE_REPORT_CHANNELS,
  FINDING_SEVERITIES,
  FORGES,
  ORG_NUMBER_PATTERN,
  TEAM_PATTERN,
  UPDATE_FREQUENCIES,
} from '../vocabulary.ts';

export const settingsSchema = doc(
  z.strictObject({
    municipality: text({
      title: 'Kommun',
      description: 'Kommunens namn som det visas på webbplatsen.',
      examples: ['Exempelkommun'],
      visible: VISIBILITY.site,
    }),
    siteUrl: url({
      title: 'Webbplatsens adress',
      visible: VISIBILITY.site,
      description: 'Full adress där webbplatsen publiceras. Sökvägen (till exempel /systemforteckning/) blir webbplatsens bas.',
      examples: ['https://intranat.exempelkommun.se/systemforteckning/'],
    }),
    publicSiteUrl: url({
      title: 'Den offentliga webbplatsens adress',
      description:
        'Full adress där den offentliga versionen publiceras (npm run build -- --audience offentlig), om den publiceras. Utelämnat: samma som siteUrl.',
      examples: ['https://www.exempelkommun.se/systemforteckning/'],
      visible: VISIBILITY.site,
    }).optional(),
    repositoryUrl: url({
      title: 'Förrådets adress',
      visible: VISIBILITY.tooling,
      description: 'Webbadressen till Git-förrådet. Används för länkarna "Föreslå ändring".',
      examples: ['https://github.com/exempelkommun/systemforteckning'],
    }),
    forge: doc(z.enum(FORGES).optional(), {
      title: 'Plattform för förrådet',
      visible: VISIBILITY.tooling,
      description:
        'github eller gitlab: avgör hur länkarna till redigering och ärenden ser ut och var CODEOWNERS skrivs. Krävs när förrådet ligger någon annanstans än på github.com eller gitlab.com, till exempel på kommunens egen GitLab.',
      examples: ['gitlab'],
    }),
    defaultBranch: text({
      title: 'Huvudgren',
      description: 'Grenen som webbplatsen byggs från.',
      examples: ['main'],
      visible: VISIBILITY.tooling,
    }),
    changeReports: doc(z.enum(CHANGE_REPORT_CHANNELS).default(SETTINGS_DEFAULTS.changeReports), {
      title: 'Rapportera ändringar',
      visible: VISIBILITY.tooling,
      description: `Hur medarbetare rapporterar en ändring från webbplatsen: ärende (ett formulär på GitHub eller GitLab; den som saknar konto kan skicka e-post till kontaktadressen) eller e-post (bara e-post till kontaktadressen). Utelämnat: ${SETTINGS_DEFAULTS.changeReports}.`,
      examples: ['e-post'],
    }),
    itDepartment: reference(['unit'], {
      title: 'IT-avdelningen',
      visible: VISIBILITY.organisation,
      description: 'Enheten som sköter förteckningen och granskar ändringar.',
      examples: ['it-avdelningen'],
    }),
    itTeam: doc(z.string().regex(TEAM_PATTERN), {
      title: 'IT-avdelningens team',
      visible: VISIBILITY.tooling,
      description:
        'Teamet som granskar alla ändringar (CODEOWNERS): på GitHub @organisation/team, på GitLab @grupp eller @grupp/undergrupp.',
      examples: ['@exempelkommun/it-avdelningen'],
    }),
    politicalItCouncil: reference(['unit'], {
      title: 'Politiskt IT-råd',
      visible: VISIBILITY.organisation,
      description: 'Enheten som är kommunens politiska IT-råd (riktlinjerna §3), vanligen kommunstyrelsens arbetsutskott.',
    }).optional(),
    reviewIntervalMonths: doc(z.int().min(1).max(60).default(SETTINGS_DEFAULTS.reviewIntervalMonths), {
      title: 'Granskningsintervall',
      visible: VISIBILITY.tooling,
      description: `Antal månader mellan granskningar av ett system innan en varning visas. Utelämnat: ${SETTINGS_DEFAULTS.reviewIntervalMonths}.`,
      examples: [12],
    }),
    contractWarningDays: doc(z.int().min(1).max(730).default(SETTINGS_DEFAULTS.contractWarningDays), {
      title: 'Varning före avtalsslut',
      visible: VISIBILITY.tooling,
      description: `Antal dagar före avtalsslut som en varning visas. Utelämnat: ${SETTINGS_DEFAULTS.contractWarningDays}.`,
      examples: [90],
    }),
    procurementLeadMonths: doc(z.int().min(0).max(36).default(SETTINGS_DEFAULTS.procurementLeadMonths), {
      title: 'Tid för upphandling',
      visible: VISIBILITY.tooling,
      description: `Antal månader som en ny upphandling tar (LOU). Påminnelser om ett avtal räknar bakåt från avtalsslutet: uppsägningstiden och sedan denna tid. Utelämnat: ${SETTINGS_DEFAULTS.procurementLeadMonths}.`,
      examples: [9],
    }),
    reminderDays: doc(z.int().min(1).max(365).default(SETTINGS_DEFAULTS.reminderDays), {
      title: 'Påminnelse före granskning',
      visible: VISIBILITY.tooling,
      description: `Antal dagar före en granskning som systemägaren får en påminnelse. Utelämnat: ${SETTINGS_DEFAULTS.reminderDays}.`,
      examples: [30],
    }),
    securityCheckIntervalMonths: doc(z.int().min(1).max(60).default(SETTINGS_DEFAULTS.securityCheckIntervalMonths), {
      title: 'Intervall för återläsning och behörighetsgranskning',
      visible: VISIBILITY.tooling,
      description: `Antal månader mellan test av återläsning (continuity.restoreTested) och granskning av behörigheter (security.accessReviewed) innan en varning och en påminnelse visas. Utelämnat: ${SETTINGS_DEFAULTS.securityCheckIntervalMonths}.`,
      examples: [12],
    }),
    missingContinuityFacts: doc(z.enum(FINDING_SEVERITIES).default(SETTINGS_DEFAULTS.missingContinuityFacts), {
      title: 'Saknade kontinuitetsuppgifter',
      visible: VISIBILITY.tooling,
      description: `Om ett kritiskt system (kritikalitet hög eller kritisk, eller tillgänglighet 3 eller 4) som saknar återställningstid, reservrutin eller leverantörens support ger en varning eller ett fel. Utelämnat: ${SETTINGS_DEFAULTS.missingContinuityFacts}.`,
      examples: ['fel'],
    }),
    maxCriticalRto: duration({
      title: 'Längsta återställningstid för kritiska system',
      visible: VISIBILITY.tooling,
      description: 'Längsta RTO som ett kritiskt system får ha; ett längre ger en varning. Utelämnat: ingen gräns.',
      examples: ['2d'],
    }).optional(),
    maxLeaversPercent: doc(z.int().min(0).max(100).default(SETTINGS_DEFAULTS.maxLeaversPercent), {
      title: 'Högsta andel som slutar vid synkning',
      visible: VISIBILITY.tooling,
      description: `Hur många procent av personerna som en synkning från katalogen (npm run people -- sync) högst får markera som slutade för att de saknas i exporten, innan den vägrar och ber om --allow-many-leavers. Skyddar mot en export som bara gäller en del av organisationen. Utelämnat: ${SETTINGS_DEFAULTS.maxLeaversPercent}.`,
      examples: [10],
    }),
    organisationNumber: doc(z.string().regex(ORG_NUMBER_PATTERN), {
      title: 'Kommunens organisationsnummer',
      description: 'Kommunens organisationsnummer, skrivet NNNNNN-NNNN. Anges som utgivare i den öppna datan (DCAT-AP-SE).',
      examples: ['212000-0000'],
      visible: VISIBILITY.site,
    }).optional(),
    dataLicense: url({
      title: 'Licens för öppna data',
      description: `Licensen som den offentliga förteckningen och dess nedladdningar ges ut under, som webbadress. Utelämnat: CC0 (${SETTINGS_DEFAULTS.dataLicense}).`,
      examples: ['https://creativecommons.org/licenses/by/4.0/'],
      visible: VISIBILITY.site,
    }).default(SETTINGS_DEFAULTS.dataLicense),
    updateFrequency: doc(z.enum(UPDATE_FREQUENCIES).default(SETTINGS_DEFAULTS.updateFrequency), {
      title: 'Uppdateringsfrekvens',
      description: `Hur ofta förteckningen uppdateras, som det anges i den öppna datan: ${UPDATE_FREQUENCIES.join(', ')}. Utelämnat: ${SETTINGS_DEFAULTS.updateFrequency}.`,
      visible: VISIBILITY.site,
    }),
    visibility: doc(z.record(z.string().regex(/^[a-z]+\.[A-Za-z.]+$/), z.enum(AUDIENCES)), {
      title: 'Synlighet per fält',
      description:
        'Ändrar vilka som får se ett fält: fältets sökväg (system.notes, person.phone, system.supplier.support …) och offentlig, intern eller skyddad. Standardvärdena och skälen står i docs/synlighet.md.',
      examples: [{ 'system.notes': 'intern', 'person.phone': 'skyddad' }],
      visible: VISIBILITY.tooling,
    }).optional(),
    protectedRegistry: text({
      title: 'Skyddat register',
      description:
        'Mapp med de skyddade uppgifterna, relativt registrets mapp (till exempel ../skyddat), ofta ett eget förråd med snävare behörighet. Samma mappar som registret; varje fil har id och bara skyddade fält. När det anges får skyddade fält inte stå i registret.',
      examples: ['../skyddat'],
      visible: VISIBILITY.tooling,
    }).optional(),
    contactEmail: email({
      title: 'Kontakt',
      visible: VISIBILITY.site,
      description: 'E-postadress för frågor om förteckningen och webbplatsens tillgänglighet.',
      examples: ['it-avdelningen@exempelkommun.se'],
    }),
  }),
  { title: 'Inställningar', description: 'Inställningar för hela systemförteckningen.' },
);

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
