// The handbook on the site (Hjälp): task-shaped pages written as Markdown in
// docs/hjalp/, each with a title, a one-line description and its place in
// the list. Rendered by the same safe renderer as the guidelines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { UserError } from '../errors.ts';
import { renderGuidelineMarkdown } from '../text/markdown.ts';
import { AUDIENCES, type Audience } from '../vocabulary.ts';

export interface HelpPage {
  /** The file's name without .md: the page's address under hjalp/. */
  slug: string;
  title: string;
  description: string;
  order: number;
  /** The widest audience the page is for (front matter audience; default offentlig): a guide to the intranet's buttons is not the public's. */
  audience: Audience;
  html: string;
  /** The file, for the page's edit link and for messages. */
  file: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every help page in a folder, in their order. A page that cannot be shown is an error naming its file. */
export function readHelpPages(dir: string): HelpPage[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readHelpPage(join(dir, name), name.slice(0, -3)))
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'sv'));
}

function readHelpPage(file: string, slug: string): HelpPage {
  const fail = (line: number, what: string) => new UserError(`${file}:${line}: ${what}`);
  if (!SLUG.test(slug))
    throw fail(1, 'filnamnet ska vara små bokstäver a–z, siffror och bindestreck, till exempel andra-uppgifter.md. Byt namn på filen.');
  const text = readFileSync(file, 'utf8');
  const { data, content } = matter(text);
  const {
    title,
    description,
    order,
    audience = 'offentlig',
  } = data as { title?: unknown; description?: unknown; order?: unknown; audience?: unknown };
  if (typeof title !== 'string' || typeof description !== 'string')
    throw fail(1, 'framsidesdatan ska ha title och description som text. Lägg till dem mellan raderna "---" överst i filen.');
  if (!AUDIENCES.includes(audience as Audience))
    throw fail(1, `audience ska vara ${AUDIENCES.join(', ')}, inte "${String(audience)}". Rätta framsidesdatan.`);
  const rendered = renderGuidelineMarkdown(content);
  // The renderer counts lines from the body: the front matter comes before it.
  const bodyOffset = text.slice(0, text.length - content.length).split('\n').length - 1;
  if (!rendered.ok) throw fail(rendered.problem.line + bodyOffset, rendered.problem.message);
  return {
    slug,
    title,
    description,
    order: typeof order === 'number' ? order : 100,
    audience: audience as Audience,
    html: rendered.html,
    file,
  };
}
