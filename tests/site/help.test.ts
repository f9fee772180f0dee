// Hjälp, the handbook on the site: its pages are built from docs/hjalp/ and
// the schema, and every label on the example register's pages that links to
// its meaning lands on an anchor that exists.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fieldAnchor, fieldReference } from '../../src/core/views/field-reference.ts';
import { RULE_CATALOGUE } from '../../src/core/findings/rule-catalogue.ts';
import { readHelpPages } from '../../src/core/reading/help-pages.ts';
import { ROLE_KEYS, roleTitle } from '../../src/core/domain/roles.ts';
import { headingId } from '../../src/core/text/markdown.ts';
import { htmlFiles, links, page, visibleText } from '../helpers/html.ts';
import { REPO } from '../helpers/run.ts';

const example = inject('exampleSite');
const BASE = '/systemforteckning/';
const HELP = join(REPO, 'docs', 'hjalp');

/** The ids on a built page, read once per page. */
const idsOf = new Map<string, Set<string> | undefined>();
function ids(path: string): Set<string> | undefined {
  if (!idsOf.has(path)) {
    let html: string | undefined;
    try {
      html = page(example.out, path);
    } catch {
      html = undefined;
    }
    idsOf.set(path, html ? new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1] as string)) : undefined);
  }
  return idsOf.get(path);
}

describe('the help pages', () => {
  it('are built from every file in docs/hjalp/, listed on Hjälp, in the menu of every page', () => {
    const index = visibleText(page(example.out, 'hjalp/'));
    for (const help of readHelpPages(HELP)) {
      expect(index).toContain(help.title);
      expect(visibleText(page(example.out, `hjalp/${help.slug}/`))).toContain(help.title);
    }
    expect(page(example.out, 'system/lonesystem/')).toContain(`href="${BASE}hjalp/"`);
  });

  it('give every field of every kind an entry, from the schema: title, name in the file, audience', () => {
    for (const kind of ['system', 'person', 'unit', 'equipment'] as const) {
      const html = page(example.out, `hjalp/falt/${kind}/`);
      for (const row of fieldReference(kind)) {
        const entry = new RegExp(`<dt id="${fieldAnchor(row.path)}"[^>]*>([\\s\\S]*?)</dd>`).exec(html)?.[1];
        expect(entry, `${kind} ${row.path}`).toBeDefined();
        const text = visibleText(entry ?? '');
        expect(text).toContain(row.title);
        expect(text).toContain(row.path);
        expect(text).toMatch(/Synlig för: (offentlig|intern|skyddad) \(/);
      }
    }
    expect(visibleText(page(example.out, 'hjalp/falt/system/'))).toContain('reservrutin');
  });

  it('link only to pages and anchors that exist, under the base path', () => {
    for (const help of readHelpPages(HELP)) {
      const body = /<div class="prose">([\s\S]*?)<\/div>/.exec(page(example.out, `hjalp/${help.slug}/`))?.[1] ?? '';
      for (const href of links(body)) {
        expect(href.startsWith(BASE), `${help.slug} → ${href}`).toBe(true);
        const [path = '', anchor] = decodeURI(href).slice(BASE.length).split('#');
        const anchors = ids(path);
        expect(anchors && (!anchor || anchors.has(anchor)), `${help.slug} → ${href}`).toBe(true);
      }
    }
  });

  it('list every rule of the validator', () => {
    const text = visibleText(page(example.out, 'hjalp/regler/'));
    for (const rule of Object.keys(RULE_CATALOGUE)) expect(text).toContain(rule);
  });

  it('explain every role, under the title the system pages use', () => {
    const anchors = ids('hjalp/roller/');
    for (const role of ROLE_KEYS) expect(anchors?.has(headingId(roleTitle(role))), role).toBe(true);
  });
});

describe('a label on a page', () => {
  it('links to an anchor that exists, on every page of the example register', () => {
    const broken = new Set<string>();
    let seen = 0;
    for (const file of htmlFiles(example.out)) {
      for (const href of links(readFileSync(file, 'utf8')).filter((link) => link.startsWith(`${BASE}hjalp/`))) {
        seen++;
        const [path = '', anchor] = decodeURI(href).slice(BASE.length).split('#');
        const anchors = ids(path);
        if (!anchors || (anchor && !anchors.has(anchor))) broken.add(`${relative(example.out, file)} → ${href}`);
      }
    }
    expect([...broken]).toEqual([]);
    expect(seen).toBeGreaterThan(500);
  });

  it('on a system page: roles, status, criticality, hosting and personal data each link to their meaning', () => {
    const html = page(example.out, 'system/lonesystem/');
    const helpLinks = [...html.matchAll(/<a class="[^"]*field-help[^"]*" href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map(
      (match) => [visibleText(match[2] as string), decodeURI(match[1] as string)] as const,
    );
    const byLabel = new Map(helpLinks);
    expect(byLabel.get('Systemägare')).toBe(`${BASE}hjalp/roller/#systemägare`);
    expect(byLabel.get('Systemförvaltare')).toBe(`${BASE}hjalp/roller/#systemförvaltare`);
    expect(byLabel.get('Status: I drift')).toBe(`${BASE}hjalp/falt/system/#falt-status`);
    expect(byLabel.get('Kritikalitet')).toBe(`${BASE}hjalp/falt/system/#falt-criticality`);
    expect(byLabel.get('Driftform')).toBe(`${BASE}hjalp/falt/system/#falt-hosting`);
    expect(byLabel.get('Behandlar personuppgifter')).toBe(`${BASE}hjalp/falt/system/#falt-personalData-processed`);
  });

  it('in every list of facts on a system, person or unit page is a link (KLASSA levels too, in the protected build)', () => {
    for (const folder of ['system', 'personer', 'organisation']) {
      for (const file of htmlFiles(join(example.out, folder))) {
        for (const list of readFileSync(file, 'utf8').matchAll(/<dl class="facts"[^>]*>([\s\S]*?)<\/dl>/g)) {
          for (const term of (list[1] as string).matchAll(/<dt>([\s\S]*?)<\/dt>/g))
            expect(term[1], relative(example.out, file)).toMatch(/^<a class="field-help" href=/);
        }
      }
    }
  });
});
