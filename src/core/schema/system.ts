// A system: one file registry/systems/<id>.yaml. The management organisation
// under `roles` is the heart of the register (guideline §4).
import * as z from 'zod';
import { aliases, date, doc, duration, email, entryVisibility, idField, reference, prose, text, url } from './common.ts';
import { VISIBILITY } from './visibility.ts';
import {
  CRITICALITY_LEVELS,
  DATA_LOCATIONS,
  DEPENDENCY_TYPES,
  HOSTING_FORMS,
  MFA_STATES,
  ONE_LINE_PATTERN,
  ORG_NUMBER_PATTERN,
  PHONE_PATTERN,
  PROCESSOR_AGREEMENT_STATES,
  RETENTION_CHOICES,
  SYSTEM_STATUSES,
} from '../vocabulary.ts';

const personRef = (title: string, description: string) => reference(['person'], { title, description });

const dependency = doc(
  z.union([
    reference(['system'], { title: 'Beroende', description: 'Ett system som detta system använder.' }),
    doc(
      z.strictObject({
        system: reference(['system'], { title: 'System', description: 'Systemet som detta system använder.' }),
        type: doc(z.enum(DEPENDENCY_TYPES), {
          title: 'Typ av beroende',
          description:
            'dataflöde, inloggning, integration (API), filöverföring eller databas. Vid dataflöde och filöverföring går informationen från detta system till det andra.',
          examples: ['dataflöde'],
          visible: VISIBILITY.security,
        }).optional(),
        note: doc(z.string().regex(ONE_LINE_PATTERN).max(200), {
          title: 'Anteckning',
          description: 'Kort om beroendet, till exempel "Lönefiler varje månad".',
          visible: VISIBILITY.security,
        }).optional(),
      }),
      { title: 'Beroende med typ', description: 'Ett system som detta system använder, med typ och anteckning.' },
    ),
  ]),
  { title: 'Beroende', description: 'Ett system som detta system använder: dess id, eller system, type och note.' },
);

const klassaLevel = (title: string, description: string) =>
  doc(z.int().min(0).max(4), {
    title,
    description: `${description} Nivå enligt KLASSA: 0 ingen eller försumbar skada, 1 måttlig, 2 betydande, 3 allvarlig, 4 synnerligen allvarlig skada.`,
    examples: [2],
  });

const userGroup = doc(
  z.union([
    reference(['unit'], {
      title: 'Användande enhet',
      description: 'En organisationsenhet vars medarbetare använder systemet.',
    }),
    doc(
      z.strictObject({
        name: text({
          title: 'Användargrupp',
          description: 'Namnet på en användargrupp som inte är en enhet, till exempel "Alla medarbetare".',
        }),
        description: prose({ title: 'Beskrivning', description: 'Vilka som ingår i gruppen.' }).optional(),
      }),
      { title: 'Namngiven användargrupp', description: 'En grupp användare som inte motsvaras av en enhet i registret.' },
    ),
  ]),
  {
    title: 'Användargrupp',
    description: 'Id för en enhet, eller en namngiven grupp med fältet name.',
    examples: ['socialforvaltningen', { name: 'Alla medarbetare' }],
  },
);

const rolesSchema = doc(
  z.strictObject({
    owner: personRef(
      'Systemägare',
      'Ansvarar för systemets omfattning, ekonomi och långsiktiga strategi. Oftast en förvaltnings- eller avdelningschef.',
    ),
    manager: personRef(
      'Systemförvaltare',
      'Utses av systemägaren. Planerar, samordnar och följer upp det som berör systemet. Tar emot felrapporter från användarna.',
    ),
    administrators: doc(z.array(personRef('Systemadministratör', 'Administrerar behörigheter i systemet.')).min(1), {
      title: 'Systemadministratörer',
      description: 'En eller flera personer som administrerar behörigheter. Utses av systemförvaltaren.',
      examples: [['cecilia-ceder']],
    }),
    operations: reference(['unit', 'person'], {
      title: 'Driftansvarig',
      description: 'Ansvarar för driften. Normalt IT-avdelningen (en enhet), men kan vara en person.',
      examples: ['it-avdelningen'],
    }),
    users: doc(z.array(userGroup).min(1), {
      title: 'Användare',
      description: 'En eller flera användargrupper. Användarna rapporterar fel och brister till systemförvaltaren.',
    }),
    informationOwner: personRef('Informationsägare', 'Ansvarar för informationen i systemet och dess klassning.').optional(),
    legalOwner: reference(['unit'], {
      title: 'Juridisk systemägare',
      description: 'Nämnd eller styrelse som formellt äger systemet.',
    }).optional(),
    technicalManager: personRef('Teknisk förvaltare', 'Ansvarar för systemets tekniska förvaltning.').optional(),
    superUsers: doc(z.array(personRef('Superanvändare', 'Stöttar andra användare i verksamheten.')).min(1), {
      title: 'Superanvändare',
      description: 'Personer som stöttar andra användare i verksamheten.',
    }).optional(),
  }),
  {
    title: 'Förvaltningsorganisation',
    description:
      'De namngivna rollerna enligt riktlinjerna: systemägare, systemförvaltare, systemadministratörer, driftansvarig och användare.',
    visible: VISIBILITY.staff,
  },
);

/** The supplier's support as reachable in a crisis: free text as before, or each way to reach it as a field of its own. */
const supportSchema = doc(
  z.union([
    prose({ title: 'Support', description: 'Hur leverantörens support nås, som fri text.' }),
    doc(
      z.strictObject({
        phone: doc(z.string().regex(PHONE_PATTERN), {
          title: 'Telefon',
          description: 'Supportens telefonnummer, det som gäller när det brinner.',
          examples: ['010-123 45 67'],
        }).optional(),
        email: email({ title: 'E-post', description: 'Supportens e-postadress.' }).optional(),
        hours: text({ title: 'Öppettider', description: 'När supporten svarar, till exempel "vardagar 7–18, jour dygnet runt för prio 1".' }).optional(),
        portal: url({ title: 'Supportportal', description: 'Leverantörens portal för ärenden.' }).optional(),
        customerNumber: text({
          title: 'Kundnummer',
          description: 'Kommunens kundnummer eller avtalsnummer hos supporten.',
          visible: VISIBILITY.security,
        }).optional(),
        note: prose({ title: 'Övrigt', description: 'Annat som är bra att veta när supporten kontaktas.' }).optional(),
      }),
      { title: 'Supportens kontaktvägar', description: 'Telefon, e-post, öppettider, portal och kundnummer, var för sig.' },
    ),
  ]),
  {
    title: 'Support',
    description: 'Hur leverantörens support nås: fri text, eller phone, email, hours, portal och customerNumber var för sig.',
    examples: [{ phone: '010-123 45 67', email: 'support@leverantor.se', hours: 'vardagar 7–18' }],
    visible: VISIBILITY.operations,
  },
);

const supplierSchema = doc(
  z.strictObject({
    name: text({ title: 'Leverantör', description: 'Leverantörens namn.', examples: ['Lönepartner AB'], visible: VISIBILITY.register }),
    orgNumber: doc(z.string().regex(ORG_NUMBER_PATTERN), {
      title: 'Organisationsnummer',
      description: 'Leverantörens organisationsnummer, skrivet NNNNNN-NNNN.',
      examples: ['556123-4567'],
    }).optional(),
    website: url({ title: 'Webbplats', description: 'Leverantörens webbplats.' }).optional(),
    support: supportSchema.optional(),
  }),
  { title: 'Leverantör', description: 'Vem som levererar systemet.', visible: VISIBILITY.register },
);

const contractSchema = doc(
  z.strictObject({
    reference: text({ title: 'Diarienummer', description: 'Avtalets diarienummer.', examples: ['KS 2023/412'], visible: VISIBILITY.register }).optional(),
    start: date({ title: 'Avtalsstart', description: 'Dag då avtalet började gälla.' }).optional(),
    end: date({ title: 'Avtalet löper ut', description: 'Sista dag avtalet gäller utan förlängning.', visible: VISIBILITY.register }).optional(),
    frameworkAgreement: text({
      title: 'Ramavtal',
      description: 'Ramavtal som avtalet är avropat från, om något.',
      examples: ['Kammarkollegiet Programvaror och tjänster 2022'],
    }).optional(),
    extensionOption: text({ title: 'Förlängningsoption', description: 'Möjlighet att förlänga, till exempel "1+1 år".' }).optional(),
    noticePeriod: text({ title: 'Uppsägningstid', description: 'Uppsägningstid, till exempel "6 månader".' }).optional(),
  }),
  { title: 'Avtal', description: 'Avtalet med leverantören.', visible: VISIBILITY.contractTerms },
);

const personalDataSchema = doc(
  z.strictObject({
    processed: doc(z.boolean(), {
      title: 'Behandlar personuppgifter',
      description: 'true om systemet behandlar personuppgifter.',
      visible: VISIBILITY.register,
    }),
    sensitive: doc(z.boolean(), {
      title: 'Känsliga personuppgifter',
      description: 'true om systemet behandlar känsliga personuppgifter (till exempel hälsa).',
    }).optional(),
    processorAgreement: doc(z.enum(PROCESSOR_AGREEMENT_STATES), {
      title: 'Personuppgiftsbiträdesavtal',
      description: 'Om PUB-avtal med leverantören finns: finns, saknas eller ej aktuellt.',
    }).optional(),
    thirdCountryTransfer: doc(z.boolean(), {
      title: 'Tredjelandsöverföring',
      description: 'true om personuppgifter överförs till land utanför EU/EES.',
    }).optional(),
  }),
  { title: 'Personuppgifter', description: 'Hur systemet behandlar personuppgifter.', visible: VISIBILITY.followUp },
);

const classificationSchema = doc(
  z.strictObject({
    confidentiality: klassaLevel('Konfidentialitet', 'Skada om informationen röjs för obehöriga.'),
    integrity: klassaLevel('Riktighet', 'Skada om informationen är felaktig eller ändras obehörigt.'),
    availability: klassaLevel('Tillgänglighet', 'Skada om informationen inte går att nå när den behövs.'),
    traceability: klassaLevel('Spårbarhet', 'Behov av att kunna spåra vem som gjort vad.').optional(),
    date: date({ title: 'Klassad', description: 'Dag då informationsklassningen gjordes.' }).optional(),
  }),
  { title: 'Informationsklassning', description: 'Informationsklassning enligt SKR:s KLASSA.', visible: VISIBILITY.security },
);

const continuitySchema = doc(
  z.strictObject({
    rto: duration({
      title: 'Längsta acceptabla avbrott (RTO)',
      description: 'Hur länge verksamheten klarar sig utan systemet innan det måste vara igång igen.',
      examples: ['4h'],
    }).optional(),
    rpo: duration({
      title: 'Största acceptabla dataförlust (RPO)',
      description: 'Hur mycket information som längst får gå förlorad, räknat bakåt från ett avbrott.',
      examples: ['1d'],
    }).optional(),
    fallback: prose({
      title: 'Reservrutin',
      description: 'Vad verksamheten gör medan systemet inte fungerar, och var rutinen finns.',
      examples: ['Manuella utbetalningslistor enligt rutin i krispärmen, avsnitt 4.'],
    }).optional(),
    backup: prose({ title: 'Säkerhetskopiering', description: 'Vem som säkerhetskopierar och hur ofta.', examples: ['Leverantören, varje natt, 30 dagar bakåt.'] }).optional(),
    restoreTested: date({
      title: 'Återläsning testad',
      description: 'Dag då en återläsning från säkerhetskopia senast provades. Sätts med npm run attest -- <id> --fakta aterlasning.',
    }).optional(),
    plan: url({ title: 'Kontinuitetsplan', description: 'Länk till systemets kontinuitetsplan.' }).optional(),
  }),
  {
    title: 'Kontinuitet',
    description: 'Hur länge systemet får vara borta, hur mycket data som får gå förlorad, reservrutin och säkerhetskopiering (cybersäkerhetslagen).',
    visible: VISIBILITY.security,
  },
);

const subprocessor = doc(
  z.strictObject({
    name: text({ title: 'Underbiträde', description: 'Företaget som leverantören anlitar.', examples: ['Molnbolaget AB'] }),
    country: text({ title: 'Land', description: 'Landet där underbiträdet behandlar informationen.', examples: ['Sverige'] }),
  }),
  { title: 'Underbiträde', description: 'Ett underbiträde med namn och land.' },
);

const securitySchema = doc(
  z.strictObject({
    mfa: doc(z.enum(MFA_STATES), {
      title: 'Flerfaktorsinloggning',
      description: 'Om inloggningen kräver mer än lösenord (MFA): ja, delvis (bara vissa användare eller vägar in) eller nej.',
      examples: ['ja'],
    }).optional(),
    accessReviewed: date({
      title: 'Behörigheter granskade',
      description: 'Dag då behörigheterna i systemet senast gicks igenom. Sätts med npm run attest -- <id> --fakta behorigheter.',
    }).optional(),
    dataLocation: doc(z.enum(DATA_LOCATIONS), {
      title: 'Datalagring',
      description: 'Var informationen lagras: Sverige, EU/EES eller utanför EU/EES.',
      examples: ['Sverige'],
    }).optional(),
    subprocessors: doc(z.array(subprocessor).min(1), {
      title: 'Underbiträden',
      description: 'Företag som leverantören anlitar för systemet, med land.',
    }).optional(),
    riskAnalysis: date({ title: 'Riskanalys', description: 'Dag då den senaste riskanalysen för systemet gjordes.' }).optional(),
    incidentContact: personRef('Incidentkontakt', 'Den som rapporterar incidenter i systemet och är kontakt vid en incident.').optional(),
    essentialService: doc(
      z.strictObject({
        supports: doc(z.boolean(), {
          title: 'Stöder samhällsviktig verksamhet',
          description: 'true om systemet behövs för samhällsviktig verksamhet.',
        }),
        motivation: prose({ title: 'Motivering', description: 'Vilken samhällsviktig verksamhet, och varför systemet behövs för den.' }).optional(),
      }),
      {
        title: 'Samhällsviktig verksamhet',
        description: 'Om systemet stöder samhällsviktig verksamhet, med en kort motivering.',
        examples: [{ supports: true, motivation: 'Utbetalning av försörjningsstöd.' }],
      },
    ).optional(),
  }),
  {
    title: 'Säkerhet',
    description: 'Inloggning, behörighetsgranskning, datalagring, underbiträden, riskanalys och incidentkontakt (cybersäkerhetslagen).',
    visible: VISIBILITY.security,
  },
);

const hostedAtSchema = doc(
  z.strictObject({
    provider: text({ title: 'Driftleverantör', description: 'Vem som driver systemet: kommunen själv, leverantören eller ett driftbolag.', examples: ['Driftbolaget AB'] }),
    orgNumber: doc(z.string().regex(ORG_NUMBER_PATTERN), {
      title: 'Organisationsnummer',
      description: 'Driftleverantörens organisationsnummer, skrivet NNNNNN-NNNN.',
      examples: ['556987-6543'],
    }).optional(),
    location: text({
      title: 'Datacenter eller region',
      description: 'Var systemet körs: datacentret eller molnregionen.',
      examples: ['Stockholm (Kista)', 'Sweden Central'],
    }).optional(),
  }),
  {
    title: 'Driftplats',
    description: 'Vem som driver systemet och var (datacenter eller molnregion), så att det syns när många system står på samma ställe.',
    visible: VISIBILITY.security,
  },
);

const linksSchema = doc(
  z.strictObject({
    documentation: url({ title: 'Dokumentation', description: 'Länk till systemets dokumentation eller förvaltningsplan.' }).optional(),
    login: url({ title: 'Inloggning', description: 'Länk där användarna loggar in.' }).optional(),
    support: url({ title: 'Support', description: 'Länk till support eller felanmälan.' }).optional(),
  }),
  { title: 'Länkar', description: 'Länkar till systemet och dess dokumentation.', visible: VISIBILITY.operations },
);

const archiveSchema = doc(
  z.strictObject({
    plan: prose({
      title: 'Informationshanteringsplan',
      description: 'Var i informationshanteringsplanen systemets information finns.',
    }).optional(),
    retention: doc(z.enum(RETENTION_CHOICES), {
      title: 'Bevaras eller gallras',
      description: 'Om informationen bevaras, gallras eller delvis bevaras.',
    }).optional(),
    eArchive: doc(z.boolean(), {
      title: 'Levereras till e-arkiv',
      description: 'true om informationen levereras till e-arkivet.',
    }).optional(),
  }),
  { title: 'Arkivering', description: 'Hur systemets information arkiveras.', visible: VISIBILITY.followUp },
);

export const systemSchema = doc(
  z.strictObject({
    id: idField(VISIBILITY.register),
    name: text({ title: 'Systemnamn', description: 'Namnet som verksamheten använder.', examples: ['Lönesystem'], visible: VISIBILITY.register }),
    description: prose({ title: 'Beskrivning', description: 'Vad systemet används till, i en eller ett par meningar.', visible: VISIBILITY.register }),
    product: text({
      title: 'Produkt',
      description: 'Produktens namn hos leverantören, om det skiljer sig från systemnamnet.',
      visible: VISIBILITY.register,
    }).optional(),
    aliases: aliases(['Lönen', 'Personec'], VISIBILITY.register).optional(),
    visibility: entryVisibility('systemet').optional(),
    unit: reference(['unit'], {
      title: 'Ägande verksamhet',
      description: 'Verksamheten som initierar och budgeterar för systemet (riktlinjerna §3).',
      examples: ['ekonomiavdelningen'],
      visible: VISIBILITY.register,
    }),
    status: doc(z.enum(SYSTEM_STATUSES), {
      title: 'Status',
      description: 'Var systemet befinner sig i sin livscykel.',
      examples: ['i drift'],
      visible: VISIBILITY.register,
    }),
    roles: rolesSchema,
    hosting: doc(z.enum(HOSTING_FORMS), {
      title: 'Driftform',
      description: 'Egen drift (kommunens IT-avdelning), extern drift (hos leverantör) eller molntjänst (SaaS).',
      visible: VISIBILITY.operations,
    }).optional(),
    criticality: doc(z.enum(CRITICALITY_LEVELS), {
      title: 'Kritikalitet',
      description: 'Hur kritiskt systemet är för verksamheten: låg, medel, hög eller kritisk.',
      visible: VISIBILITY.operations,
    }).optional(),
    supplier: supplierSchema.optional(),
    contract: contractSchema.optional(),
    personalData: personalDataSchema.optional(),
    classification: classificationSchema.optional(),
    loginMethod: text({
      title: 'Inloggningsmetod',
      description: 'Hur användarna loggar in, till exempel "SITHS-kort" eller "Kommunens inloggning (SSO)".',
      visible: VISIBILITY.security,
    }).optional(),
    continuity: continuitySchema.optional(),
    security: securitySchema.optional(),
    hostedAt: hostedAtSchema.optional(),
    dependencies: doc(z.array(dependency), {
      title: 'Beroenden',
      description: 'System som detta system hämtar från eller skickar till (integrationer): id, eller system med typ och anteckning.',
      visible: VISIBILITY.operations,
    }).optional(),
    links: linksSchema.optional(),
    archive: archiveSchema.optional(),
    supportEmail: email({ title: 'Funktionsbrevlåda', description: 'Gemensam e-postadress för frågor om systemet.', visible: VISIBILITY.staff }).optional(),
    retirement: date({
      title: 'Planerad avveckling',
      description: 'Dag då systemet planeras vara avvecklat.',
      visible: VISIBILITY.followUp,
    }).optional(),
    reviewed: date({
      title: 'Senast granskad',
      description: 'Dag då systemägaren senast granskade uppgifterna i filen.',
      examples: ['2026-03-15'],
      visible: VISIBILITY.followUp,
    }).optional(),
    reviewedBy: reference(['person'], {
      title: 'Granskad av',
      description: 'Vem som granskade och bekräftade uppgifterna, normalt systemägaren. Sätts av npm run attest.',
      visible: VISIBILITY.staff,
    }).optional(),
    notes: prose({ title: 'Anteckningar', description: 'Övrigt som är bra att veta.', visible: VISIBILITY.freeText }).optional(),
  }),
  {
    title: 'System',
    description: 'Ett IT-system i kommunens systemförteckning med dess förvaltningsorganisation.',
  },
);

export type System = z.output<typeof systemSchema>;
export type Roles = z.output<typeof rolesSchema>;
export type UserGroup = System['roles']['users'][number];
