// Every rule the validator knows, once: its severity, a short Swedish title
// (annotation titles, report headings), what it checks and how to fix it.
// Findings take their severity from here, the report groups by `group`, and
// the rule tables in docs/datamodell.md, CONTRIBUTING.md and the site's Hjälp are generated from this
// list (npm run docs; tests/core/docs.test.ts fails when they drift).

export type Severity = 'error' | 'warning';

/** Where in the pipeline a rule belongs; the report and the docs group by it. */
export type RuleGroup = 'fil' | 'schema' | 'identitet' | 'referenser' | 'synlighet' | 'roller' | 'granskning' | 'avtal' | 'kontinuitet';

export interface RuleInfo {
  severity: Severity;
  group: RuleGroup;
  /** A few words, for an annotation title or a heading: "Okänd person". */
  title: string;
  /** What the rule checks, completing "Kontrollerar att …" in the docs. */
  checks: string;
  /** What to do, for people editing a file. */
  fix: string;
  /** Shown among the common errors in CONTRIBUTING.md. */
  common?: boolean;
}

export const RULE_GROUPS: Record<RuleGroup, string> = {
  fil: 'Filen går att läsa',
  schema: 'Fälten följer schemat',
  identitet: 'Id och filnamn',
  referenser: 'Hänvisningar mellan filer',
  synlighet: 'Vem som får se vad',
  roller: 'Förvaltningsorganisationen',
  granskning: 'Granskning',
  avtal: 'Avtal',
  kontinuitet: 'Kontinuitet och säkerhet',
};

export const RULE_CATALOGUE = {
  // Reading: files, text, YAML and Markdown.
  'unexpected-file': {
    severity: 'warning',
    group: 'fil',
    title: 'Fil utanför registret',
    checks: 'varje fil ligger i en av registrets mappar',
    fix: 'Flytta filen till rätt mapp eller ta bort den.',
  },
  'forge-unknown': {
    severity: 'error',
    group: 'identitet',
    title: 'Okänd plattform',
    checks: 'ett förråd på en annan adress än github.com eller gitlab.com anger forge: gitlab eller github i settings.yaml',
    fix: 'Skriv forge: gitlab (eller github) i settings.yaml.',
  },
  'git-internals': {
    severity: 'error',
    group: 'fil',
    title: 'Git-fil i registret',
    checks: 'inga filer eller mappar heter som Gits egna (HEAD, config, objects/, refs/), så att Git aldrig tar registret för ett eget förråd',
    fix: 'Ta bort filen eller mappen ur registret; den hör inte dit.',
  },
  'misplaced-file': {
    severity: 'error',
    group: 'fil',
    title: 'Fil i undermapp',
    checks: 'registrets filer ligger direkt i sin mapp, inte i en undermapp',
    fix: 'Flytta filen direkt till mappen, till exempel systems/.',
  },
  'file-extension': {
    severity: 'error',
    group: 'fil',
    title: 'Fel filändelse',
    checks: 'filerna slutar på .yaml (riktlinjer på .md)',
    fix: 'Byt namn på filen så att den slutar på .yaml.',
  },
  'file-too-large': {
    severity: 'error',
    group: 'fil',
    title: 'För stor fil',
    checks: 'ingen fil är större än 1 MiB',
    fix: 'Kontrollera att rätt fil har hamnat i registret.',
  },
  'file-unreadable': {
    severity: 'error',
    group: 'fil',
    title: 'Filen kan inte läsas',
    checks: 'varje fil och mapp går att läsa',
    fix: 'Ge läsbehörighet till filen eller mappen.',
  },
  symlink: {
    severity: 'error',
    group: 'fil',
    title: 'Symbolisk länk',
    checks: 'inga filer är symboliska länkar (de följs aldrig)',
    fix: 'Ersätt länken med själva filen.',
  },
  'not-utf8': {
    severity: 'error',
    group: 'fil',
    title: 'Inte UTF-8',
    checks: 'filen är sparad som UTF-8',
    fix: 'Spara om filen som UTF-8 i editorn.',
  },
  'empty-file': {
    severity: 'error',
    group: 'fil',
    title: 'Tom fil',
    checks: 'ingen fil är tom',
    fix: 'Fyll i fälten eller ta bort filen.',
  },
  'missing-front-matter': {
    severity: 'error',
    group: 'fil',
    title: 'Framsidesdata saknas',
    checks: 'en riktlinje börjar med framsidesdata mellan två rader ---',
    fix: 'Lägg till framsidesdata överst i filen.',
  },
  'yaml-syntax': {
    severity: 'error',
    group: 'fil',
    title: 'Felaktig YAML',
    checks: 'filen går att läsa som YAML',
    fix: 'Kontrollera indrag, kolon och citattecken på raden.',
    common: true,
  },
  'yaml-tab': {
    severity: 'error',
    group: 'fil',
    title: 'Tabb som indrag',
    checks: 'indrag görs med mellanslag, inte tabbar',
    fix: 'Ersätt tabben med två mellanslag per nivå.',
    common: true,
  },
  'yaml-duplicate-key': {
    severity: 'error',
    group: 'fil',
    title: 'Dubbel nyckel',
    checks: 'samma nyckel står inte två gånger på samma nivå',
    fix: 'Ta bort den ena raden eller slå ihop dem.',
    common: true,
  },
  'yaml-multiple-documents': {
    severity: 'error',
    group: 'fil',
    title: 'Flera dokument',
    checks: 'varje fil beskriver en enda post',
    fix: 'Flytta det andra dokumentet till en egen fil.',
  },
  'yaml-alias-bomb': {
    severity: 'error',
    group: 'fil',
    title: 'Aliasbomb',
    checks: 'alias (*namn) växer inte till orimligt mycket data',
    fix: 'Skriv ut värdena direkt i stället för alias.',
  },
  'yaml-too-deep': {
    severity: 'error',
    group: 'fil',
    title: 'För djupt nästlad',
    checks: 'listor och avsnitt är inte nästlade i orimligt många nivåer',
    fix: 'Kontrollera indrag och hakparenteser.',
  },
  'yaml-control-character': {
    severity: 'error',
    group: 'fil',
    title: 'Osynligt styrtecken',
    checks: 'inga värden innehåller osynliga styrtecken, inte heller skrivna som \\e eller \\u202E',
    fix: 'Skriv om värdet utan styrtecken.',
  },
  'markdown-too-large': {
    severity: 'error',
    group: 'fil',
    title: 'För lång riktlinje',
    checks: 'en riktlinjes text har högst 300 000 tecken',
    fix: 'Dela upp dokumentet eller länka till det fullständiga dokumentet.',
  },
  'markdown-too-deep': {
    severity: 'error',
    group: 'fil',
    title: 'För djupt nästlad text',
    checks: 'citat och listor i en riktlinje är nästlade i högst 20 nivåer',
    fix: 'Minska indraget eller antalet > och listtecken.',
  },
  'markdown-too-complex': {
    severity: 'error',
    group: 'fil',
    title: 'För komplicerad text',
    checks: 'ett stycke i en riktlinje har högst 1 000 tecken * och _',
    fix: 'Dela upp stycket eller skriv \\* och \\_.',
  },
  // The schema of each kind of file.
  'missing-field': {
    severity: 'error',
    group: 'schema',
    title: 'Fält saknas',
    checks: 'obligatoriska fält finns, till exempel alla fem roller',
    fix: 'Lägg till fältet; meddelandet visar ett exempel.',
    common: true,
  },
  'unknown-field': {
    severity: 'error',
    group: 'schema',
    title: 'Okänt fält',
    checks: 'varje fält finns i schemat, så att stavfel syns',
    fix: 'Rätta fältnamnet; tillåtna fält står i meddelandet.',
    common: true,
  },
  'empty-value': {
    severity: 'error',
    group: 'schema',
    title: 'Tomt värde',
    checks: 'fält har ett värde efter kolonet',
    fix: 'Fyll i värdet eller ta bort fältet.',
  },
  'line-break': {
    severity: 'error',
    group: 'schema',
    title: 'Radbrytning i namn',
    checks: 'namn, titlar och andra fält på en rad har ingen radbrytning',
    fix: 'Skriv värdet på en rad.',
  },
  'wrong-type': {
    severity: 'error',
    group: 'schema',
    title: 'Fel sorts värde',
    checks: 'värdet är text, tal, lista eller ja/nej som fältet kräver',
    fix: 'Sätt text som ser ut som tal inom citattecken, till exempel telefonnummer.',
    common: true,
  },
  'not-allowed-value': {
    severity: 'error',
    group: 'schema',
    title: 'Otillåtet värde',
    checks: 'fält med givna värden (status, driftform …) har ett av dem',
    fix: 'Välj ett av de tillåtna värdena i meddelandet.',
    common: true,
  },
  'invalid-format': {
    severity: 'error',
    group: 'schema',
    title: 'Fel format',
    checks: 'datum, e-post, webbadresser, id och nummer är rätt skrivna',
    fix: 'Skriv datum ÅÅÅÅ-MM-DD, e-post namn@kommun.se och webbadresser med https://.',
    common: true,
  },
  'list-indentation': {
    severity: 'error',
    group: 'schema',
    title: 'Lista med fel indrag',
    checks: 'punkterna i en lista står var för sig och har inte blivit ett enda värde',
    fix: 'Skriv varje punkt på en egen rad som börjar med "- ", lika långt in som den första.',
    common: true,
  },
  'too-few': {
    severity: 'error',
    group: 'schema',
    title: 'För få värden',
    checks: 'listor som måste ha värden har minst ett',
    fix: 'Lägg till en rad som börjar med "- ".',
  },
  'too-long': {
    severity: 'error',
    group: 'schema',
    title: 'För långt värde',
    checks: 'id har högst 80 tecken',
    fix: 'Korta värdet.',
  },
  'out-of-range': {
    severity: 'error',
    group: 'schema',
    title: 'Utanför intervallet',
    checks: 'tal ligger inom sitt intervall, till exempel KLASSA-nivå 0–4',
    fix: 'Ange ett tal inom intervallet i meddelandet.',
  },
  schema: {
    severity: 'error',
    group: 'schema',
    title: 'Följer inte schemat',
    checks: 'värdet följer schemat i övrigt',
    fix: 'Jämför med schemat i schemas/.',
  },
  // Identity: ids, file names and the settings file.
  'settings-missing': {
    severity: 'error',
    group: 'identitet',
    title: 'Inställningar saknas',
    checks: 'registret har en settings.yaml',
    fix: 'Kopiera filen från exempelregistret och ändra värdena.',
  },
  'file-name': {
    severity: 'error',
    group: 'identitet',
    title: 'Ogiltigt filnamn',
    checks: 'filnamnet följer reglerna för id',
    fix: 'Byt namn på filen till små bokstäver a–z, siffror och bindestreck.',
  },
  'id-matches-file-name': {
    severity: 'error',
    group: 'identitet',
    title: 'Id och filnamn skiljer sig',
    checks: 'id är lika med filnamnet',
    fix: 'Gör id och filnamn lika.',
    common: true,
  },
  'unique-id': {
    severity: 'error',
    group: 'identitet',
    title: 'Id används redan',
    checks: 'id är unikt bland system, personer och enheter',
    fix: 'Välj ett annat id och byt filnamn.',
  },
  // References between files.
  'unknown-person': {
    severity: 'error',
    group: 'referenser',
    title: 'Okänd person',
    checks: 'varje person som anges finns i people/',
    fix: 'Rätta stavningen av id:t eller lägg till personen.',
    common: true,
  },
  'unknown-unit': {
    severity: 'error',
    group: 'referenser',
    title: 'Okänd enhet',
    checks: 'varje enhet som anges finns i units/',
    fix: 'Rätta stavningen av id:t eller lägg till enheten.',
    common: true,
  },
  'unknown-system': {
    severity: 'error',
    group: 'referenser',
    title: 'Okänt system',
    checks: 'varje system som anges finns i systems/',
    fix: 'Rätta stavningen av id:t eller lägg till systemet.',
  },
  'unknown-reference': {
    severity: 'error',
    group: 'referenser',
    title: 'Okänd hänvisning',
    checks: 'ett id som kan vara en person eller enhet finns',
    fix: 'Rätta stavningen av id:t eller lägg till posten.',
  },
  'wrong-reference-kind': {
    severity: 'error',
    group: 'referenser',
    title: 'Fel sorts post',
    checks: 'en roll pekar på rätt sorts post (en person, inte en enhet)',
    fix: 'Ange id för rätt sorts post.',
  },
  'self-dependency': {
    severity: 'error',
    group: 'referenser',
    title: 'Beror på sig självt',
    checks: 'inget system beror på sig självt',
    fix: 'Ta bort systemets eget id ur dependencies.',
  },
  'unit-cycle': {
    severity: 'error',
    group: 'referenser',
    title: 'Enheter i en ring',
    checks: 'enhetsträdet har ingen ring',
    fix: 'Ändra parent så att kedjan slutar vid den översta enheten.',
  },
  // The management organisation (guideline §4).
  'visibility-unknown-field': {
    severity: 'error',
    group: 'synlighet',
    title: 'Okänt fält i visibility',
    checks: 'varje fält som visibility i settings.yaml ger en annan synlighet finns, skrivet sort.fält (system.notes)',
    fix: 'Rätta fältets sökväg; fälten och deras synlighet står i docs/synlighet.md.',
  },
  'visibility-fixed-field': {
    severity: 'error',
    group: 'synlighet',
    title: 'Fältet följer posten',
    checks: 'visibility ändrar inte id, namn eller ett obligatoriskt fält, som alltid följer posten eller sitt avsnitt',
    fix: 'Ge hela avsnittet en annan synlighet, eller hela posten med visibility: i postens fil.',
  },
  'visibility-reference': {
    severity: 'error',
    group: 'synlighet',
    title: 'Pekar på något mer skyddat',
    checks: 'ett obligatoriskt fält som syns för en publik pekar inte på en post som den publiken inte får se',
    fix: 'Gör posten lika skyddad som den den pekar på, eller peka på en annan post.',
  },
  'protected-orphan': {
    severity: 'error',
    group: 'synlighet',
    title: 'Skyddad fil utan post',
    checks: 'varje fil i det skyddade registret hör till en post med samma id i registret',
    fix: 'Rätta filnamnet och id, eller lägg till posten i registret först.',
  },
  'protected-field-placement': {
    severity: 'error',
    group: 'synlighet',
    title: 'Fält i fel register',
    checks: 'skyddade fält står i det skyddade registret när det finns ett, och bara skyddade fält står där',
    fix: 'Flytta fältet till den fil meddelandet anger.',
  },
  'role-holder-left': {
    severity: 'error',
    group: 'roller',
    title: 'Rollinnehavare har slutat',
    checks: 'systemägare, systemförvaltare och driftansvarig har kvar sin tjänst',
    fix: 'Ange vem som har rollen nu.',
    common: true,
  },
  'no-administrator-in-post': {
    severity: 'error',
    group: 'roller',
    title: 'Ingen systemadministratör',
    checks: 'minst en systemadministratör har kvar sin tjänst',
    fix: 'Systemförvaltaren utser en ny systemadministratör.',
  },
  'administrator-left': {
    severity: 'warning',
    group: 'roller',
    title: 'Systemadministratör har slutat',
    checks: 'ingen systemadministratör som slutat står kvar i listan',
    fix: 'Ta bort personen ur listan.',
  },
  'optional-role-holder-left': {
    severity: 'warning',
    group: 'roller',
    title: 'Rollinnehavare har slutat',
    checks: 'ingen som slutat står kvar i en frivillig roll',
    fix: 'Ange vem som har rollen nu eller ta bort den.',
  },
  'single-person-roles': {
    severity: 'warning',
    group: 'roller',
    title: 'En person har alla roller',
    checks: 'rollerna är fördelade på mer än en person',
    fix: 'Överväg att fördela rollerna.',
  },
  // Reviews and contracts.
  'review-in-future': {
    severity: 'error',
    group: 'granskning',
    title: 'Granskning i framtiden',
    checks: 'reviewed är inte senare än i dag',
    fix: 'Sätt den dag då uppgifterna granskades.',
  },
  'review-missing': {
    severity: 'warning',
    group: 'granskning',
    title: 'Aldrig granskat',
    checks: 'systemet har granskats',
    fix: 'Systemägaren går igenom uppgifterna och sätter reviewed till dagens datum (npm run attest -- <system-id>).',
  },
  'review-overdue': {
    severity: 'warning',
    group: 'granskning',
    title: 'Granskning försenad',
    checks: 'systemet är granskat inom granskningsintervallet',
    fix: 'Gå igenom filen och sätt reviewed till dagens datum.',
    common: true,
  },
  'contract-period': {
    severity: 'error',
    group: 'avtal',
    title: 'Avtalsperiod baklänges',
    checks: 'avtalet slutar efter att det börjat',
    fix: 'Kontrollera datumen.',
  },
  'contract-ending': {
    severity: 'warning',
    group: 'avtal',
    title: 'Avtalet löper ut',
    checks: 'avtalet löper inte ut inom varningstiden (contractWarningDays)',
    fix: 'Systemägaren beslutar om förlängning, ny upphandling eller avveckling.',
    common: true,
  },
  'contract-before-retirement': {
    severity: 'warning',
    group: 'avtal',
    title: 'Avtalet slutar före avvecklingen',
    checks: 'avtalet gäller tills systemet ska vara avvecklat (retirement)',
    fix: 'Förläng avtalet, upphandla för tiden emellan eller tidigarelägg avvecklingen.',
  },
  // Continuity and security (cybersäkerhetslagen).
  'continuity-missing': {
    severity: 'warning',
    group: 'kontinuitet',
    title: 'Kontinuitetsuppgift saknas',
    checks:
      'ett kritiskt system (kritikalitet hög eller kritisk, eller tillgänglighet 3 eller 4) har återställningstid, reservrutin och leverantörens support; fel i stället för varning med missingContinuityFacts: fel',
    fix: 'Fyll i continuity.rto, continuity.fallback och supplier.support.',
  },
  'rto-too-long': {
    severity: 'warning',
    group: 'kontinuitet',
    title: 'För lång återställningstid',
    checks: 'ett kritiskt systems återställningstid är inte längre än maxCriticalRto i settings.yaml',
    fix: 'Korta återställningstiden med leverantören, eller pröva om systemet är kritiskt.',
  },
  'fact-in-future': {
    severity: 'error',
    group: 'kontinuitet',
    title: 'Datum i framtiden',
    checks: 'återläsningstest, behörighetsgranskning och riskanalys är inte daterade senare än i dag',
    fix: 'Sätt den dag då det gjordes.',
  },
  'restore-test-overdue': {
    severity: 'warning',
    group: 'kontinuitet',
    title: 'Återläsning inte testad',
    checks: 'återläsningen testades inom intervallet (securityCheckIntervalMonths)',
    fix: 'Testa en återläsning och sätt continuity.restoreTested (npm run attest -- <id> --fakta aterlasning).',
  },
  'access-review-overdue': {
    severity: 'warning',
    group: 'kontinuitet',
    title: 'Behörigheter inte granskade',
    checks: 'behörigheterna granskades inom intervallet (securityCheckIntervalMonths)',
    fix: 'Gå igenom behörigheterna och sätt security.accessReviewed (npm run attest -- <id> --fakta behorigheter).',
  },
  'rto-chain': {
    severity: 'warning',
    group: 'kontinuitet',
    title: 'Beroende med längre återställningstid',
    checks: 'ett system använder inget system som får vara borta längre än det självt',
    fix: 'Korta det andra systemets återställningstid, ha en reservrutin, eller ändra systemets.',
  },
  'availability-chain': {
    severity: 'warning',
    group: 'kontinuitet',
    title: 'Beroende med lägre tillgänglighet',
    checks: 'ett system använder inget system med lägre tillgänglighetsklass',
    fix: 'Klassa om det ena systemet eller ha en reservrutin.',
  },
  'confidentiality-flow': {
    severity: 'warning',
    group: 'kontinuitet',
    title: 'Information till lägre konfidentialitet',
    checks: 'information (dataflöde, filöverföring) går inte till ett system med lägre konfidentialitetsklass',
    fix: 'Skydda informationen lika väl i det mottagande systemet, eller skicka bara det som tål den lägre nivån.',
  },
  'retiring-in-use': {
    severity: 'warning',
    group: 'kontinuitet',
    title: 'System som avvecklas används',
    checks: 'inga system i drift använder ett system som är under avveckling, avställt eller avvecklat',
    fix: 'Planera vad de andra systemen ska använda i stället.',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULE_CATALOGUE;

/** Rules about a role holder who has left; their findings name the person in `refs`. */
export const PERSON_LEFT_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'role-holder-left',
  'optional-role-holder-left',
  'administrator-left',
  'no-administrator-in-post',
]);

export function ruleInfo(rule: RuleId): RuleInfo {
  return RULE_CATALOGUE[rule];
}
