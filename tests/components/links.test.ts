// The second line of defence against hostile links: whatever the register
// holds, a template renders only http(s), mailto: and tel: links, and only
// from the field of that kind. The schema is the first line (fixtures
// links-documentation_javascript-scheme and website_file-scheme).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Contact from '../../site/src/components/Contact.astro';
import ExternalLink from '../../site/src/components/ExternalLink.astro';
import { mailtoHref, telHref, webHref } from '../../src/core/views/links.ts';
import { repositoryLinks } from '../../src/core/forge/repository-links.ts';

const HOSTILE = [
  'javascript:alert(document.domain)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///C:/Windows/System32/calc.exe',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=faktura',
  '//evil.example/',
  'https://',
  'https://exempel.se/"><script>alert(1)</script>',
];

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] as string);
}

describe('a link to a web address from the register', () => {
  it.each(HOSTILE)('is shown as text, not a link, for %j', async (value) => {
    const html = await container.renderToString(ExternalLink, { props: { to: value } });
    expect(hrefs(html)).toEqual([]);
    expect(html).not.toContain('<script');
  });

  it('links an https address, showing the address', async () => {
    const html = await container.renderToString(ExternalLink, { props: { to: 'https://www.exempelkommun.se/lon' } });
    expect(hrefs(html)).toEqual(['https://www.exempelkommun.se/lon']);
  });

  it('keeps its own link text when the address is refused', async () => {
    const html = await container.renderToString(ExternalLink, {
      props: { to: 'javascript:alert(1)' },
      slots: { default: 'Supportsida' },
    });
    expect(html).toContain('Supportsida');
    expect(hrefs(html)).toEqual([]);
  });
});

describe('contact details', () => {
  it('link e-mail only as mailto: and phone only as tel:', async () => {
    const html = await container.renderToString(Contact, { props: { email: 'anna@exempelkommun.se', phone: '010-123 45 67' } });
    expect(hrefs(html)).toEqual(['mailto:anna@exempelkommun.se', 'tel:0101234567']);
  });

  it('are shown as text when the e-mail address would add headers or the phone is a script', async () => {
    const html = await container.renderToString(Contact, {
      props: { email: 'anna@exempelkommun.se?bcc=alla@exempelkommun.se', phone: 'javascript:alert(1)' },
    });
    expect(hrefs(html)).toEqual([]);
  });
});

describe('the link helpers', () => {
  it('accept only what their field may hold', () => {
    for (const value of HOSTILE) expect(webHref(value), value).toBeUndefined();
    expect(webHref('http://intranat.exempelkommun.se/')).toBe('http://intranat.exempelkommun.se/');
    expect(mailtoHref('javascript:alert(1)//@x.se')).toBeUndefined();
    expect(telHref('+46 10-123 45 67')).toBe('tel:+46101234567');
  });

  it('give no repository links when the repository address is not a web address', () => {
    const links = repositoryLinks({ repositoryUrl: 'javascript:alert(1)', defaultBranch: 'main', changeReports: 'ärende', contactEmail: 'it@testkommun.se' }, 'registry');
    expect([links.edit('systems/a.yaml'), links.view('systems/a.yaml'), links.register, links.commit('abc1234')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('every template', () => {
  const SITE = join(import.meta.dirname, '..', '..', 'site', 'src');
  const templates = readdirSync(SITE, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.astro'));

  // An href expression must come from a URL builder (the site's own pages),
  // the link helpers or a repository link; never a register value as it stands.
  const ALLOWED = /^(?:url|systemUrl|personUrl|unitUrl|guidelineUrl|mapUrl|providerUrl|providerLink|binderPartUrl|helpUrl|fieldHelpUrl|roleHelpUrl|registerPageUrl|holderUrl|href|safeHref)\(|^(?:item|section)\.href$|^(?:href|edit|view|issue|email|moreHref|registerPageUrl|target)$|^entryUrl\[value\.kind\]\(|^`#/;

  it.each(templates)('%s builds every href through a URL helper', (file) => {
    const source = readFileSync(join(SITE, file), 'utf8');
    const expressions = [...source.matchAll(/\bhref=\{([^}]*)\}/g)].map((match) => (match[1] as string).trim());
    for (const expression of expressions) expect(expression, `${file}: href={${expression}}`).toMatch(ALLOWED);
  });
});
