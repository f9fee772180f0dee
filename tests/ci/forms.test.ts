// The change-report form as GitHub and GitLab read it. GitHub rejects an
// issue form it cannot parse and then shows no form at all, so the file is
// parsed with a maintained YAML parser and checked against GitHub's
// documented form syntax; the GitLab template and the pre-filled texts must
// come back through the reader apply-report uses.
import { repositoryLinks } from '../../src/core/forge/repository-links.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseReport, REPORT_FIELDS, REPORT_TEMPLATE_FILES, reportBody } from '../../src/core/forge/change-report.ts';
import { REPO } from '../helpers/run.ts';

// docs.github.com: "Syntax for issue forms" and "Syntax for GitHub's form schema".
const ISSUE_FORM_SCHEMA = {
  type: 'object',
  required: ['name', 'description', 'body'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    description: { type: 'string', minLength: 1 },
    title: { type: 'string' },
    labels: { type: 'array', items: { type: 'string', minLength: 1 } },
    assignees: { type: 'array', items: { type: 'string' } },
    projects: { type: 'array', items: { type: 'string' } },
    type: { type: 'string' },
    body: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['type', 'attributes'],
        additionalProperties: false,
        properties: {
          type: { enum: ['markdown', 'textarea', 'input', 'dropdown', 'checkboxes'] },
          id: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
          attributes: { type: 'object' },
          validations: { type: 'object', additionalProperties: false, properties: { required: { type: 'boolean' } } },
        },
        allOf: [
          {
            if: { properties: { type: { const: 'markdown' } } },
            then: { properties: { attributes: { required: ['value'] } }, not: { required: ['id'] } },
            else: { properties: { attributes: { required: ['label'], properties: { label: { type: 'string', minLength: 1 } } } } },
          },
          {
            if: { properties: { type: { const: 'dropdown' } } },
            then: {
              properties: {
                attributes: {
                  required: ['options'],
                  properties: {
                    options: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', not: { enum: ['None', 'none'] } } },
                  },
                },
              },
            },
          },
        ],
      },
    },
  },
};

describe('the GitHub issue form for change reports', () => {
  const text = readFileSync(join(REPO, REPORT_TEMPLATE_FILES.github), 'utf8');
  const document = parseDocument(text, { uniqueKeys: true, strict: true });

  it('parses as YAML without errors or warnings', () => {
    expect(document.errors).toEqual([]);
    expect(document.warnings).toEqual([]);
  });

  it('follows GitHub’s form syntax', () => {
    const check = new Ajv2020({ strict: false, allErrors: true }).compile(ISSUE_FORM_SCHEMA);
    expect(check(document.toJS()), JSON.stringify(check.errors, null, 2)).toBe(true);
  });

  it('has unique ids and labels, and one field per answer apply-report reads', () => {
    const body = (document.toJS() as { body: { id?: string; attributes: { label?: string } }[] }).body;
    const ids = body.flatMap((item) => (item.id ? [item.id] : []));
    const labels = body.flatMap((item) => (item.attributes.label ? [item.attributes.label] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(labels).size).toBe(labels.length);
    expect(ids).toEqual(REPORT_FIELDS.map((field) => field.id));
  });
});

describe('the GitLab description template and the pre-filled texts', () => {
  it('reads as an empty report until someone answers under the headings', () => {
    const template = readFileSync(join(REPO, REPORT_TEMPLATE_FILES.gitlab), 'utf8');
    expect(parseReport(template)).toEqual({});
    const answered = template.replace('### Nytt värde\n\n', '### Nytt värde\n\nCecilia Ceder\n');
    expect(parseReport(answered)).toEqual({ 'nytt-varde': 'Cecilia Ceder' });
  });

  it('come back, every answer, through the reader', () => {
    const answers = {
      post: 'registry/systems/lonesystem.yaml',
      amne: 'Leverantör',
      roll: 'Systemförvaltare',
      'nytt-varde': 'Nya Lön AB',
      beskrivning: 'Två rader:\nförsta och andra.',
      rapportor: 'Bo Berg',
    };
    expect(parseReport(reportBody(answers, 'gitlab'))).toEqual(answers);
    // An e-mail, written in a mail program with CRLF line breaks, reads the same: its lines of help are skipped.
    expect(parseReport(reportBody(answers, 'email').replace(/\n/g, '\r\n'))).toEqual(answers);
  });

  /** The report links of a register on a GitLab server that takes reports as issues and e-mail. */
  const gitlabLinks = () =>
    repositoryLinks(
      {
        repositoryUrl: 'https://git.testkommun.se/it/systemforteckning',
        forge: 'gitlab',
        defaultBranch: 'main',
        changeReports: 'ärende',
        contactEmail: 'it@testkommun.se',
      },
      'registry',
    );

  it('show the choices the form offers also in a GitLab issue and an e-mail, and the e-mail breaks lines with CRLF', () => {
    const links = gitlabLinks().report('systems/lonesystem.yaml', 'Lönesystem');
    const description = new URL(links.issue as string).searchParams.get('issue[description]') as string;
    expect(description).toContain('<!-- Välj det som passar bäst. Välj en av: ');
    const mail = links.email as string;
    expect(mail).toContain('%0D%0A');
    expect(mail).not.toMatch(/[^D]%0A/);
    const body = decodeURIComponent(mail.split('body=')[1] as string);
    expect(body).toContain('Hjälp: Bara om ändringen gäller en roll. Välj en av: Systemägare; Systemförvaltare');
    expect(parseReport(body)).toEqual({ post: 'registry/systems/lonesystem.yaml' });
  });

  it("carry each page's own post, whatever characters its path has", () => {
    const links = gitlabLinks();
    for (const source of ['systems/lonesystem.yaml', 'systems/lön & vård #2 100%.yaml', 'people/åsa-öberg.yaml']) {
      const { issue, email } = links.report(source, 'Namn & "citat"');
      const mail = new URL(email as string);
      const description = new URL(issue as string).searchParams.get('issue[description]') as string;
      expect(parseReport(mail.searchParams.get('body') as string)).toEqual({ post: `registry/${source}` });
      expect(parseReport(description)).toEqual({ post: `registry/${source}` });
      expect(mail.searchParams.get('subject')).toBe('Ändring i systemförteckningen: Namn & "citat"');
    }
  });
});
