// Reading built HTML in tests: files, links and visible text.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function htmlFiles(out: string): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(out, file));
}

export function page(out: string, path: string): string {
  return readFileSync(join(out, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8');
}

/** Every href and src value in the document. */
export function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => decodeEntities(match[1] as string));
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Text of the page without tags, scripts and styles; whitespace collapsed. */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
      // Inline elements run on with the text around them; block elements separate.
      .replace(/<\/?(a|span|strong|em|mark|b|i|abbr|code|time)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  ).trim();
}

/** Where a same-site URL path lands in the output folder, or undefined if nothing is there. */
export function resolveInternal(out: string, base: string, url: string): string | undefined {
  const path = decodeURIComponent(url.split('#')[0]!.split('?')[0]!);
  if (!path.startsWith(base)) return undefined;
  const file = join(out, path.slice(base.length));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

export function relativeName(out: string, file: string): string {
  return relative(out, file);
}
