// "Rapportera ändring i uppgifterna": the form a member of staff fills in
// when something in the register is wrong, without Git. Defined once here;
// the GitHub issue form, the GitLab description template, the pre-filled
// e-mail and the reader in npm run apply-report all come from it, so the
// answers always arrive under the headings apply-report looks for.
import { Lexer, type Tokens } from 'marked';
import { stringify } from 'yaml';
import { UserError } from '../errors.ts';
import { roleTitle, type RoleKey } from '../domain/roles.ts';
import { markdownLimitProblem } from '../text/markdown.ts';

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
          value:
            'Tack för att du hjälper till att hålla systemförteckningen aktuell. IT-avdelningen läser rapporten och gör ändringen (riktlinjerna för systemförvaltning, §4). Vad rollerna och fälten betyder står under **Hjälp** i systemförteckningen på intranätet (Hjälp → Rapportera eller föreslå en ändring).',
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
    return `### ${field.label}\n\n<!-- ${guidance(field)} -->\n\n`;
  });
  return `<!-- ${GENERATED} -->\n\n<!-- Vad rollerna och fälten betyder står under Hjälp i systemförteckningen på intranätet (Hjälp → Rapportera eller föreslå en ändring). -->\n\n${sections.join('')}/label ~"${REPORT_LABEL}"\n`;
}

/** The files npm run docs writes from this definition, and the docs test keeps in step. */
export const REPORT_TEMPLATES: readonly { file: string; content: () => string }[] = [
  { file: REPORT_TEMPLATE_FILES.github, content: githubIssueForm },
  { file: REPORT_TEMPLATE_FILES.gitlab, content: gitlabIssueTemplate },
];

/** What to write under a heading: the field's help and, for a choice, the choices the form would offer. */
function guidance(field: ReportField): string {
  const choices = field.options ? ` Välj en av: ${field.options().join('; ')}.` : '';
  return `${field.description}${choices}${field.required ? '' : ' Kan lämnas tom.'}`;
}

/** The mark that begins a line of guidance in an e-mail; parseReport skips such lines. */
const EMAIL_GUIDANCE = 'Hjälp:';

/**
 * A report's text with some answers filled in, under the form's headings,
 * with the form's guidance and choices: as HTML comments in a GitLab
 * description (seen while writing, not in the issue), as a marked line in an
 * e-mail, where nothing is hidden.
 */
export function reportBody(answers: Partial<Record<ReportFieldId, string>>, style: 'gitlab' | 'email'): string {
  return REPORT_FIELDS.map((field) => {
    const help = style === 'gitlab' ? `<!-- ${guidance(field)} -->` : `${EMAIL_GUIDANCE} ${guidance(field)}`;
    return `### ${field.label}\n\n${help}\n\n${answers[field.id] ?? ''}\n`;
  }).join('\n');
}

/** GitHub writes this for an optional field left empty. */
const NO_RESPONSE = '_No response_';

/** A report is a few hundred words; the limits keep a hostile one to milliseconds. */
const REPORT_LIMITS = { maxCharacters: 256 * 1024, maxLineLength: 4_000 } as const;

type Token = Tokens.Generic;

/**
 * The answers of a report, from the issue body or e-mail text, read as the
 * reader sees it rendered: each heading of the form followed by its answer.
 * Raw HTML (comments, <details>, <script>) is not text anyone reads, so
 * neither headings nor answers are taken from it. A report that names a form
 * heading twice, or inside a quote or list, could show one answer and mean
 * another: it is refused. "_No response_" and empty answers read as missing.
 * O(length of the text) within the limits.
 */
export function parseReport(text: string): Partial<Record<ReportFieldId, string>> {
  // GitLab's quick actions (/label …) are commands, not text.
  const source = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !/^\/label\s/.test(line) && !line.startsWith(EMAIL_GUIDANCE))
    .join('\n');
  const limit = markdownLimitProblem(source, REPORT_LIMITS);
  if (limit) throw new UserError(`Rapporten kan inte läsas, rad ${limit.line}: ${limit.message}`);
  const byLabel = new Map(REPORT_FIELDS.map((field) => [normalizeLabel(field.label), field]));
  const answers: Partial<Record<ReportFieldId, string>> = {};
  const seen = new Map<ReportFieldId, number>();
  let current: ReportFieldId | undefined;
  let parts: string[] = [];
  const finish = () => {
    const answer = parts.join('\n\n').trim();
    if (current && answer && answer !== NO_RESPONSE) answers[current] = answer;
    parts = [];
  };
  let line = 1;
  for (const token of new Lexer({ gfm: true }).lex(source) as Token[]) {
    const field = token.type === 'heading' ? byLabel.get(normalizeLabel(plainText(token.tokens ?? []))) : undefined;
    if (token.type === 'heading') {
      finish();
      current = undefined;
      if (field) {
        const earlier = seen.get(field.id);
        if (earlier !== undefined) throw repeated(field.label, earlier, line);
        seen.set(field.id, line);
        current = field.id;
      }
    } else {
      const nested = formHeadingInside(token, byLabel);
      if (nested) throw new UserError(`Rapporten kan inte läsas: rubriken "${nested}" står inuti ett citat eller en lista (nära rad ${line}). Skriv rapporten med formulärets rubriker, en gång var.`);
      const part = current && token.type !== 'html' ? plainText([token]).trim() : '';
      if (part) parts.push(part);
    }
    line += (token.raw.match(/\n/g) ?? []).length;
  }
  finish();
  return answers;
}

function repeated(label: string, first: number, again: number): UserError {
  return new UserError(
    `Rapporten kan inte läsas: rubriken "${label}" står två gånger (rad ${first} och ${again}), så det går inte att veta vilket svar som gäller. Be rapportören skicka en ny rapport med varje rubrik en gång, eller gör ändringen för hand.`,
  );
}

/** A form heading inside a quote or a list, which a reader also sees as a heading. */
function formHeadingInside(token: Token, byLabel: ReadonlyMap<string, ReportField>): string | undefined {
  for (const child of childTokens(token)) {
    if (child.type === 'heading') {
      const field = byLabel.get(normalizeLabel(plainText(child.tokens ?? [])));
      if (field) return field.label;
    }
    const deeper = formHeadingInside(child, byLabel);
    if (deeper) return deeper;
  }
  return undefined;
}

function childTokens(token: Token): Token[] {
  if (token.type === 'list') return (token.items ?? []) as Token[];
  return (token.tokens ?? []) as Token[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text as it reads rendered: no raw HTML, no markup; list items and table cells on lines of their own. */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token): string => {
      switch (token.type) {
        case 'html':
        case 'space':
        case 'hr':
          return '';
        case 'br':
          return '\n';
        case 'list':
          return ((token.items ?? []) as Token[]).map((item) => plainText([item])).join('\n');
        case 'table':
          return [token.header, ...(token.rows ?? [])]
            .map((row: { tokens: Token[] }[]) => row.map((cell) => plainText(cell.tokens)).join(' | '))
            .join('\n');
        case 'image':
          return decodeEntities(String(token.text ?? ''));
        case 'code':
        case 'codespan':
          return String(token.text ?? '');
        default:
          return token.tokens ? plainText(token.tokens as Token[]) : decodeEntities(String(token.text ?? ''));
      }
    })
    .join('');
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
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

