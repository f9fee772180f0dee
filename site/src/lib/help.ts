// The handbook on the site (Hjälp): the task-shaped pages in docs/hjalp/ and
// a reference page per kind of file, generated from its schema, which every
// label on the entries' pages links to. The same for every audience: it
// describes the fields, never the register's values.
import { resolve } from 'node:path';
import { readHelpPages, type HelpPage } from '#core/reading/help-pages.ts';
import { fieldReference, type FieldReferenceRow } from '#core/views/field-reference.ts';
import { AUDIENCE_LABELS } from '#core/schema/visibility.ts';
import type { Kind } from '#core/kinds.ts';
import { helpUrl } from './urls.ts';
import { siteData } from './data.ts';
import { canSee } from '#core/domain/visibility.ts';
import { ruleTable } from '#core/findings/rule-docs.ts';
import { renderMarkdown } from '#core/text/markdown.ts';

/** Every rule the validator has, as the table in docs/datamodell.md: both generated from the rule catalogue. */
export const ruleReferenceHtml = () => renderMarkdown(ruleTable());

/** The kinds with a reference page (hjalp/falt/<kind>/), in the order of the site's menu. */
export const FIELD_KINDS = ['system', 'person', 'unit', 'equipment'] as const satisfies readonly Kind[];
export type FieldKind = (typeof FIELD_KINDS)[number];

export const FIELD_KIND_TITLES: Record<FieldKind, string> = {
  system: 'Fälten för system',
  person: 'Fälten för personer',
  unit: 'Fälten för organisationsenheter',
  equipment: 'Fälten för standardutrustning',
};

let pages: HelpPage[] | undefined;

/** The help pages for the build's audience, read once: from docs/hjalp/ beside the site (set by astro.config.ts), or the working folder's in tests. */
export function helpPages(): HelpPage[] {
  const { audience } = siteData();
  return allHelpPages().filter((page) => canSee(audience, page.audience));
}

function allHelpPages(): HelpPage[] {
  pages ??= readHelpPages(typeof __HELP_DIR__ === 'string' ? __HELP_DIR__ : resolve('docs', 'hjalp')).map((page) => ({
    ...page,
    html: underBase(page.html, page.slug),
  }));
  return pages;
}

/**
 * The guides link to each other relatively (../roller/), so that they also
 * read on GitHub; on the site every link is under the base path, like every
 * other link (lib/urls.ts).
 */
function underBase(html: string, slug: string): string {
  const here = new URL(helpUrl(slug), 'http://site');
  return html.replace(/href="(\.\.?\/[^"]*)"/g, (_match, href: string) => {
    const target = new URL(href, here);
    return `href="${target.pathname}${target.hash}"`;
  });
}

export const helpPagePaths = () => helpPages().map((page) => ({ params: { slug: page.slug }, props: { page } }));

export const fieldPagePaths = () => FIELD_KINDS.map((kind) => ({ params: { kind }, props: { kind } }));

export interface FieldEntry extends FieldReferenceRow {
  audience: string;
}

/** A kind's fields as its reference page lists them, with who may see each. */
export function fieldEntries(kind: FieldKind): FieldEntry[] {
  return fieldReference(kind).map((row) => ({ ...row, audience: AUDIENCE_LABELS[row.visibility.audience] }));
}
