// "Rapportera ändring i uppgifterna": the form a member of staff fills in
// when something in the register is wrong, without Git. Defined once here;
// the GitHub issue form, the GitLab description template, the pre-filled
// e-mail and the reader in npm run apply-report all come from it, so the
// answers always arrive under the headings apply-report looks for.
import { stringify } from 'yaml';
import { roleTitle, type RoleKey } from '../model/roles.ts';

export const REPORT_LABEL = 'ändringsrapport';

export const REPORT_TEMPLATE_FILES = {
  github: '.github/ISSUE_TEMPLATE/rapportera-andring.yml',
  gitlab: '.gitlab/issue_templates/Rapportera ändring.md',
} as const;

/** What a report is about; apply-report acts on the first three. */
export const REPORT_TOPICS = {
  role: 'En roll har fått en ny person',
  status: 'Systemets status',
  supplier: 'Leverantör',
  person: 'Uppgifter om en person',
  other: 'Något annat',
} as const;
export type ReportTopic = keyof typeof REPORT_TOPICS;

/** The roles one person holds, which a report can give a new holder. */
export const REPORTABLE_ROLES = ['owner', 'manager', 'operations', 'informationOwner', 'technicalManager', 'administrators', 'superUsers'] as const satisfies readonly RoleKey[];

export type ReportFieldId = 'post' | 'amne' | 'roll' | 'nytt-varde' | 'beskrivning' | 'rapportor';

interface ReportField {
  id: ReportFieldId;
  label: string;
  kind: 'input' | 'textarea' | 'dropdown';
  description: string;
  required: boolean;
  options?: () => string[];
}

export const REPORT_FIELDS: readonly ReportField[] = [
  {
    id: 'post',
    label: 'Post i registret',
    kind: 'input',
    description: 'Filen som uppgifterna står i, till exempel registry/systems/lonesystem.yaml. Den är ifylld när du kommer från webbplatsen.',
    required: true,
  },
  {
    id: 'amne',
    label: 'Vad gäller ändringen?',
    kind: 'dropdown',
    description: 'Välj det som passar bäst.',
    required: true,
    options: () => Object.values(REPORT_TOPICS),
  },
  {
    id: 'roll',
    label: 'Vilken roll?',
    kind: 'dropdown',
    description: 'Bara om ändringen gäller en roll.',
    required: false,
    options: () => REPORTABLE_ROLES.map((role) => roleTitle(role)),
  },
  {
    id: 'nytt-varde',
    label: 'Nytt värde',
    kind: 'input',
    description: 'Den nya personen (namn eller e-post), den nya statusen eller leverantörens namn.',
    required: false,
  },
  {
    id: 'beskrivning',
    label: 'Beskrivning',
    kind: 'textarea',
    description: 'Vad är fel eller vad ändras, och från vilket datum?',
    required: true,
  },
  {
    id: 'rapportor',
    label: 'Vem rapporterar?',
    kind: 'input',
    description: 'Ditt namn och din förvaltning, så att IT-avdelningen kan fråga om något är oklart.',
    required: true,
  },
];

const GENERATED = 'Skapas av npm run docs från src/core/forge/change-report.ts. Ändra där, inte här.';

/** .github/ISSUE_TEMPLATE/rapportera-andring.yml: a GitHub issue form. */
export function githubIssueForm(): string {
  const form = {
    name: 'Rapportera ändring i uppgifterna',
    description: 'Något i systemförteckningen stämmer inte: en ny systemförvaltare, en annan status eller leverantör. IT-avdelningen uppdaterar registret.',
    title: 'Ändring: ',
    labels: [REPORT_LABEL],
    body: [
      {
        type: 'markdown',
        attributes: {
          value: 'Tack för att du hjälper till att hålla systemförteckningen aktuell. IT-avdelningen läser rapporten och gör ändringen (riktlinjerna för systemförvaltning, §4).',
        },
      },
      ...REPORT_FIELDS.map((field) => ({
        type: field.kind,
        id: field.id,
        attributes: {
          label: field.label,
          description: field.description,
          ...(field.options ? { options: field.options() } : {}),
        },
        validations: { required: field.required },
      })),
    ],
  };
  return `# ${GENERATED}\n${stringify(form, { lineWidth: 0 })}`;
}

/** .gitlab/issue_templates/Rapportera ändring.md: the same headings, with the choices as comments. */
export function gitlabIssueTemplate(): string {
  const sections = REPORT_FIELDS.map((field) => {
    const choices = field.options ? ` Välj en av: ${field.options().join('; ')}.` : '';
    return `### ${field.label}\n\n<!-- ${field.description}${choices}${field.required ? '' : ' Kan lämnas tom.'} -->\n\n`;
  });
  return `<!-- ${GENERATED} -->\n\n${sections.join('')}/label ~"${REPORT_LABEL}"\n`;
}

/** The files npm run docs writes from this definition, and the docs test keeps in step. */
export const REPORT_TEMPLATES: readonly { file: string; content: () => string }[] = [
  { file: REPORT_TEMPLATE_FILES.github, content: githubIssueForm },
  { file: REPORT_TEMPLATE_FILES.gitlab, content: gitlabIssueTemplate },
];

/** A report's text with some answers filled in, under the form's headings: a GitLab description or an e-mail body. */
export function reportBody(answers: Partial<Record<ReportFieldId, string>>): string {
  return REPORT_FIELDS.map((field) => `### ${field.label}\n\n${answers[field.id] ?? ''}\n`).join('\n');
}

/** GitHub writes this for an optional field left empty. */
const NO_RESPONSE = '_No response_';

/**
 * The answers of a report, from the issue body or e-mail text: each heading
 * of the form followed by its answer. Comments, "_No response_" and empty
 * answers read as missing. O(length of the text).
 */
export function parseReport(text: string): Partial<Record<ReportFieldId, string>> {
  const byLabel = new Map(REPORT_FIELDS.map((field) => [normalizeLabel(field.label), field.id]));
  const answers: Partial<Record<ReportFieldId, string>> = {};
  const clean = text.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  let current: ReportFieldId | undefined;
  let lines: string[] = [];
  const finish = () => {
    const answer = lines.join('\n').trim();
    if (current && answer && answer !== NO_RESPONSE && answers[current] === undefined) answers[current] = answer;
  };
  for (const line of clean.split('\n')) {
    const heading = /^\s{0,3}#{2,4}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      finish();
      current = byLabel.get(normalizeLabel(heading[1] ?? ''));
      lines = [];
    } else if (!line.startsWith('/label ')) lines.push(line);
  }
  finish();
  return answers;
}

function normalizeLabel(label: string): string {
  return label.toLocaleLowerCase('sv').replace(/[?:]/g, '').replace(/\s+/g, ' ').trim();
}

/** The topic a dropdown answer names, or undefined. */
export function topicOf(answer: string | undefined): ReportTopic | undefined {
  return (Object.keys(REPORT_TOPICS) as ReportTopic[]).find((topic) => REPORT_TOPICS[topic] === answer?.trim());
}

/** The role a dropdown answer names ("Systemförvaltare"), or undefined. */
export function roleOf(answer: string | undefined): (typeof REPORTABLE_ROLES)[number] | undefined {
  const wanted = answer?.trim().toLocaleLowerCase('sv');
  return REPORTABLE_ROLES.find((role) => roleTitle(role).toLocaleLowerCase('sv') === wanted);
}

