// The handbook's pages (docs/hjalp/) are read like the register's files: a
// page that cannot be shown says which file, which line and what to do.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readHelpPages } from '../../src/core/reading/help-pages.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function folderWith(name: string, text: string): string {
  dir = mkdtempSync(join(tmpdir(), 'systemforteckning-hjalp-'));
  writeFileSync(join(dir, name), text);
  return dir;
}

describe('a help page', () => {
  it('is read with its title, description, audience and place in the list', () => {
    const [page] = readHelpPages(
      folderWith('roller.md', '---\ntitle: Roller\ndescription: Vem gör vad.\norder: 2\naudience: intern\n---\n\n## Systemägare\n'),
    );
    expect(page).toMatchObject({ slug: 'roller', title: 'Roller', description: 'Vem gör vad.', order: 2, audience: 'intern' });
    expect(page?.html).toContain('<h2 id="systemägare">Systemägare</h2>');
  });

  it('without a description names the file and line 1 and says what to add', () => {
    expect(() => readHelpPages(folderWith('roller.md', '---\ntitle: Roller\n---\n\nText.\n'))).toThrow(
      /roller\.md:1: framsidesdatan ska ha title och description som text\. Lägg till dem/,
    );
  });

  it('with an unknown audience says which ones there are', () => {
    expect(() => readHelpPages(folderWith('roller.md', '---\ntitle: Roller\ndescription: D.\naudience: alla\n---\n'))).toThrow(
      /roller\.md:1: audience ska vara offentlig, intern, skyddad, inte "alla"/,
    );
  });

  it('with Markdown too deeply nested names the line in the file, after the front matter', () => {
    const nested = `${'>'.repeat(30)} djupt\n`;
    expect(() =>
      readHelpPages(folderWith('roller.md', `---\ntitle: Roller\ndescription: D.\n---\n\nFörsta stycket.\n\n${nested}`)),
    ).toThrow(/roller\.md:8: /);
  });

  it('with a file name that is no address says how to name it', () => {
    expect(() => readHelpPages(folderWith('Roller Och Ansvar.md', '---\ntitle: R\ndescription: D.\n---\n'))).toThrow(
      /Roller Och Ansvar\.md:1: filnamnet ska vara små bokstäver/,
    );
  });
});
