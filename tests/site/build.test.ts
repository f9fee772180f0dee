// The built site of the fixture register, read as files: the pages a user
// expects exist, roles are shown, text is escaped, every link works under
// the sub-folder base path, and downloads are what Excel and programs need.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, inject, it } from 'vitest';
import { REPORT_FIELDS, parseReport } from '../../src/core/forge/change-report.ts';
import { htmlFiles, links, page, relativeName, resolveInternal, visibleText } from '../helpers/html.ts';
import { copyRegister, editFile, FIXTURES, listFiles, MINIMAL, removeTemp } from '../helpers/registers.ts';
import { REPO, runCli } from '../helpers/run.ts';

const site = inject('fixtureSite');
const { out, base } = site;

describe('the built site', () => {
  it('has a page per system, person, unit and guideline, and the list pages', () => {
    for (const path of [
      '',
      'system/',
      'system/lonesystem/',
      'system/socialtjanst/',
      'personer/',
      'personer/orjan-ostlund/',
      'organisation/',
      'organisation/socialforvaltningen/',
      'standardutrustning/',
      'riktlinjer/',
      'riktlinjer/riktlinjer/',
      'rad/',
      'tillganglighet/',
      'sok/',
      'export/',
      'rapport/',
    ]) {
      expect(existsSync(join(out, path, 'index.html')), path).toBe(true);
    }
    expect(existsSync(join(out, '404.html'))).toBe(true);
  });

  it('is Swedish, and names the municipality in every title', () => {
    for (const file of htmlFiles(out)) {
      const html = readFileSync(file, 'utf8');
      expect(html, relativeName(out, file)).toMatch(/^<!DOCTYPE html><html lang="sv">/);
      expect(html).toMatch(/<title>[^<]*Testkommun<\/title>/);
    }
  });

  it('shows every role of a system with name, title, unit and contact links', () => {
    const text = visibleText(page(out, 'system/socialtjanst/'));
    for (const expected of [
      'Systemägare Örjan Östlund Socialchef, Socialförvaltningen orjan.ostlund@testkommun.se 010-555 00 01',
      'Systemförvaltare Zlatan Zetterlund Systemförvaltare socialtjänst, Socialförvaltningen',
      'Systemadministratör Cecilia Ceder',
      'Driftansvarig IT-avdelningen',
      'Användare Socialförvaltningen, Hemtjänstens personal',
    ]) {
      expect(text).toContain(expected);
    }
    const html = page(out, 'system/socialtjanst/');
    expect(html).toContain(`href="${base}personer/orjan-ostlund/"`);
    expect(html).toContain('href="mailto:orjan.ostlund@testkommun.se"');
    expect(html).toContain('href="tel:0105550001"');
  });

  it('tells users to report faults to the system manager, and links to the file in the web editor', () => {
    const html = page(out, 'system/socialtjanst/');
    expect(visibleText(html)).toContain(
      'Rapportera fel Upptäcker du fel eller brister i Ärendesystem socialtjänst? Som användare rapporterar du dem till systemförvaltaren',
    );
    // The fixture register lives on a self-hosted GitLab (settings.yaml): its Web IDE.
    expect(html).toContain('href="https://gitlab.testkommun.se/-/ide/project/it/systemforteckning/edit/main/-/registry/systems/socialtjanst.yaml"');
  });

  it('lets someone without Git report a change: a GitLab issue with the entry filled in, and e-mail', () => {
    const hrefs = links(page(out, 'system/socialtjanst/'));
    const issue = new URL(hrefs.find((href) => href.includes('/-/issues/new?')) ?? '');
    expect(`${issue.origin}${issue.pathname}`).toBe('https://gitlab.testkommun.se/it/systemforteckning/-/issues/new');
    expect(issue.searchParams.get('issue[title]')).toBe('Ändring: Ärendesystem socialtjänst');
    const description = issue.searchParams.get('issue[description]') ?? '';
    expect(parseReport(description)).toEqual({ post: 'registry/systems/socialtjanst.yaml' });
    expect(description).toContain('/label ~"ändringsrapport"');
    const email = new URL(hrefs.find((href) => href.startsWith('mailto:')  && href.includes('subject=')) ?? '');
    expect(email.pathname).toBe('it@testkommun.se');
    expect(email.searchParams.get('subject')).toBe('Ändring i systemförteckningen: Ärendesystem socialtjänst');
    expect(parseReport(email.searchParams.get('body') ?? '')).toEqual({ post: 'registry/systems/socialtjanst.yaml' });
    const text = visibleText(page(out, 'system/socialtjanst/'));
    expect(text).toContain('Rapportera ändring i uppgifterna');
    expect(text).toContain('Inget konto på GitLab? Skicka ändringen med e-post till IT-avdelningen.');
    expect(text).toContain('som en sammanslagningsbegäran (merge request)');
    for (const path of ['personer/orjan-ostlund/', 'organisation/socialforvaltningen/']) {
      expect(links(page(out, path)).some((href) => href.includes('/-/issues/new?')), path).toBe(true);
    }
  });

  it('says in the footer when the site was built and from which commit, linked on the forge', () => {
    const hash = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: site.registry, encoding: 'utf8' }).stdout.trim();
    const html = page(out, 'system/socialtjanst/');
    expect(visibleText(html)).toMatch(new RegExp(`Sidan byggdes \\d{1,2} [a-zåäö]+ \\d{4} kl\\. \\d{2}\\.\\d{2} från version ${hash.slice(0, 7)}\\.`));
    expect(links(html)).toContain(`https://gitlab.testkommun.se/it/systemforteckning/-/commit/${hash}`);
  });

  it('on GitHub, opens the issue form with the entry filled in through fields the form has', () => {
    const example = inject('exampleSite');
    const hrefs = links(page(example.out, 'system/lonesystem/'));
    const issue = new URL(hrefs.find((href) => href.includes('/issues/new?')) ?? '');
    expect(`${issue.origin}${issue.pathname}`).toBe('https://github.com/exempelkommun/systemforteckning/issues/new');
    expect(Object.fromEntries(issue.searchParams)).toEqual({
      template: 'rapportera-andring.yml',
      title: 'Ändring: Lönesystem',
      post: 'registry/systems/lonesystem.yaml',
    });
    expect(existsSync(join(REPO, '.github', 'ISSUE_TEMPLATE', issue.searchParams.get('template') ?? ''))).toBe(true);
    // Every pre-filled field is one the form has, or GitHub drops it silently.
    const formIds: string[] = REPORT_FIELDS.map((field) => field.id);
    for (const key of issue.searchParams.keys()) if (key !== 'template' && key !== 'title') expect(formIds).toContain(key);
    expect(hrefs).toContain('https://github.com/exempelkommun/systemforteckning/edit/main/registry/systems/lonesystem.yaml');
  });

  it('shows dependencies both ways', () => {
    const text = visibleText(page(out, 'system/lonesystem/'));
    expect(text).toMatch(/Lönesystem används av (Budgetverktyg|Ärendesystem socialtjänst) .*(Budgetverktyg|Ärendesystem socialtjänst)/);
    expect(visibleText(page(out, 'system/budget/'))).toContain('Budgetverktyg använder Lönesystem');
  });

  it('tells in Swedish what each recent change did, who made it and who approved it, and nothing the audience may not see', () => {
    const text = visibleText(page(out, 'system/socialtjanst/'));
    expect(text).toMatch(/Senast ändrad \d+ \w+ \d{4}\./);
    expect(text).toMatch(/\d{4}, ändrat av Testa Testsson, godkänt av Anna Andersson \(versionen i Git, kräver konto\) Ärendesystem socialtjänst: produkt anges till Omsorgen Pro\./);
    expect(text).toContain('Ärendesystem socialtjänst: granskad 15 juni 2026.');
    expect(text).toMatch(/Nytt system: Ärendesystem socialtjänst \(i drift\), systemägare Örjan Östlund och systemförvaltare Zlatan Zetterlund\./);
    // Commit subjects are not shown (they can say anything), nor the protected note that changed.
    expect(text).not.toContain('Ny produkt');
    expect(page(out, 'system/socialtjanst/')).not.toContain('brandväggen');
  });

  it('escapes register text: a system named <script> shows as text and runs nothing', () => {
    const html = page(out, 'system/xss/');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    const markup = html.replace(/"[^"]*"/g, '""');
    expect(markup).not.toMatch(/<img src=x/);
    expect(markup).not.toContain('<b>farligt</b>');
    expect(markup).not.toContain('<i>Alla</i>');
    for (const file of htmlFiles(out)) {
      expect(readFileSync(file, 'utf8').replace(/"[^"]*"/g, '""'), relativeName(out, file)).not.toMatch(/<script>alert|<img src=x/);
    }
    expect(page(out, 'riktlinjer/riktlinjer/')).toContain('&lt;script&gt;alert(3)&lt;/script&gt;');
  });

  it('links a guideline only to web pages, e-mail and the site itself, and loads no image from elsewhere', () => {
    const html = page(out, 'riktlinjer/riktlinjer/');
    const guideline = html.slice(html.indexOf('class="prose"'));
    const targets = links(guideline.slice(0, guideline.indexOf('</div>')));
    expect(targets).toEqual(['#1-syfte', 'https://www.digg.se/', 'mailto:it@testkommun.se', 'https://bilder.example.org/logotyp.png']);
    expect(guideline).not.toMatch(/<img[^>]+example\.org/);
    expect(visibleText(guideline)).toContain('Felsökning Sök efter avtal Kalkylator Skript');
    expect(visibleText(guideline)).toContain('Bild: Kommunens logotyp');
  });

  it('resolves every internal link and fragment, all under the base path', () => {
    const broken: string[] = [];
    for (const file of htmlFiles(out)) {
      const html = readFileSync(file, 'utf8');
      for (const link of links(html)) {
        if (/^(https?:|mailto:|tel:)/.test(link)) continue;
        if (link.startsWith('#')) {
          if (link.length > 1 && !html.includes(`id="${link.slice(1)}"`)) broken.push(`${relativeName(out, file)} → ${link}`);
          continue;
        }
        const target = resolveInternal(out, base, link);
        if (!target) {
          broken.push(`${relativeName(out, file)} → ${link}`);
          continue;
        }
        const fragment = link.split('#')[1];
        if (fragment && !readFileSync(target, 'utf8').includes(`id="${decodeURIComponent(fragment)}"`))
          broken.push(`${relativeName(out, file)} → ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('loads nothing from another origin: no CDN, no remote fonts', () => {
    for (const file of htmlFiles(out)) {
      const html = readFileSync(file, 'utf8');
      const assets = [...html.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*\s(?:src|href)="([^"]+)"/g)].map(
        (match) => match[1] as string,
      );
      for (const asset of assets) expect(asset, relativeName(out, file)).toMatch(new RegExp(`^${base}`));
      expect(html).not.toMatch(/@import\s+url\(\s*['"]?https?:/);
    }
  });

  it('keeps navigation and footer out of the search index and marks the result type', () => {
    const html = page(out, 'system/lonesystem/');
    expect(html).toMatch(/<header class="site-header" data-pagefind-ignore="all">/);
    expect(html).toMatch(/<footer class="site-footer" data-pagefind-ignore="all">/);
    expect(html).toMatch(/<main id="main"[^>]*data-pagefind-body[^>]*data-pagefind-filter="typ:System"/);
    expect(page(out, 'system/')).not.toContain('data-pagefind-body');
    expect(existsSync(join(out, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('offers the register as CSV that Swedish Excel opens: UTF-8 with BOM, semicolons, CRLF', () => {
    const bytes = readFileSync(join(out, 'export', 'systemforteckning.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^Id;Systemnamn;Beskrivning;Produkt;Andra namn;Ägande verksamhet;Status;Systemägare;/);
    expect(lines.filter(Boolean)).toHaveLength(6);
    expect(text).toContain('socialtjanst;Ärendesystem socialtjänst;');
    expect(text).toContain('"Ett system med <b>farligt</b> namn & tecken: ""citat"" och <img src=x onerror=alert(2)>."');
  });

  it('offers the whole register as JSON made from the same model', () => {
    const data = JSON.parse(readFileSync(join(out, 'export', 'systemforteckning.json'), 'utf8'));
    expect(data.municipality).toBe('Testkommun');
    // Swedish order: punctuation first, Ä after Z.
    expect(data.systems.map((system: { id: string }) => system.id)).toEqual(['xss', 'arkiv', 'budget', 'lonesystem', 'socialtjanst']);
    expect(data.people).toHaveLength(6);
    expect(data.systems[0]).not.toHaveProperty('source');
  });

  it('publishes the contracts’ and reviews’ dates as a calendar that a calendar library reads back', () => {
    const text = readFileSync(join(out, 'export', 'avtal.ics'), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    const budget = events.filter((event) => event.uid.startsWith('budget-')).map((event) => [event.startDate.toString(), event.startDate.isDate, event.summary]);
    expect(budget).toEqual([
      ['2027-09-01', true, 'Budgetverktyg: granska uppgifterna'],
      ['2028-03-31', true, 'Budgetverktyg: börja upphandla eller besluta om förlängning'],
      ['2028-12-31', true, 'Budgetverktyg: avtalet löper ut'],
    ]);
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
    // Decommissioned systems are not followed up.
    expect(events.some((event) => event.uid.startsWith('arkiv-'))).toBe(false);
    expect(page(out, 'rapport/')).toContain(`href="${base}export/avtal.ics"`);
  });

  it('publishes the changes as Atom feeds, for the whole register and per förvaltning, with register text escaped', () => {
    const feed = readFileSync(join(out, 'export', 'andringar.atom'), 'utf8');
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    const titles = [...feed.matchAll(/<title type="html"><!\[CDATA\[(.*?)\]\]><\/title>/g)].map((match) => match[1]);
    // Newest first: the last commit's change comes before the first commit's.
    expect(titles[0]).toBe('Ärendesystem socialtjänst: produkt anges till Omsorgen Pro.');
    expect(titles).toContain('Nytt system: Lönesystem (i drift), systemägare Anna Andersson och systemförvaltare Bo Berg.');
    // The title is HTML to a feed reader: a name that is markup arrives as text.
    expect(feed).not.toContain('<script>alert');
    expect(feed).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const social = readFileSync(join(out, 'export', 'andringar', 'socialforvaltningen.atom'), 'utf8');
    expect(social).toContain('Ärendesystem socialtjänst');
    expect(social).not.toContain('Lönesystem (i drift)');
    expect(page(out, 'organisation/socialforvaltningen/')).toContain(`href="${base}export/andringar/socialforvaltningen.atom"`);
    expect(page(out, '')).toContain(`<link rel="alternate" type="application/atom+xml" title="Ändringar i systemförteckningen" href="${base}export/andringar.atom">`);
  });

  it('publishes a calendar per förvaltning and per system owner, linked from their pages', () => {
    const events = (file: string) =>
      new ICAL.Component(ICAL.parse(readFileSync(join(out, 'export', 'kalender', file), 'utf8'))).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event).summary);
    expect(events('socialforvaltningen.ics').every((summary) => summary.startsWith('Ärendesystem socialtjänst'))).toBe(true);
    expect(events('agare/anna-andersson.ics')).toContain('Budgetverktyg: avtalet löper ut');
    expect(events('agare/anna-andersson.ics').some((summary) => summary.startsWith('Ärendesystem'))).toBe(false);
    expect(page(out, 'personer/anna-andersson/')).toContain(`href="${base}export/kalender/agare/anna-andersson.ics"`);
  });

  it('shows on the report page how many systems are complete, in all and per förvaltning', () => {
    const text = visibleText(page(out, 'rapport/'));
    expect(text).toMatch(/Kompletta uppgifter \d+ av 4 system \(\d+ %\) har alla roller namngivna och är granskade i tid\./);
    expect(text).toMatch(/Förvaltning System Kompletta Andel Testkommun 3 \d \d+ % Socialförvaltningen 1 \d \d+ %/);
  });

  it('shows who confirmed a system’s entry, and when', () => {
    expect(visibleText(page(out, 'system/budget/'))).toContain('Senast granskad Granskad 1 september 2026 av Anna Andersson');
  });

  it('derives the council for system management from the register', () => {
    const text = visibleText(page(out, 'rad/'));
    expect(text).toContain('Sammankallande är IT-chefen Bo Berg');
    expect(text).toContain('Zlatan Zetterlund Systemförvaltare socialtjänst Systemförvaltare för Ärendesystem socialtjänst');
    expect(text).toContain('Kommunstyrelsens arbetsutskott är kommunens politiska IT-råd');
    expect(text).toContain('Åke Lind, ordförande');
  });
});

describe('a register with errors', () => {
  it('is not built: the build stops with the validator’s messages and exit 1', () => {
    const { cwd, root } = copyRegister(join(FIXTURES, 'site'));
    const file = join(root, 'systems', 'budget.yaml');
    editFile(file, (text) => text.replace('reviewed: 2026-09-01', 'reviewed: 2024-02-30'));
    const result = runCli('src/cli/build.ts', ['--registry', root, '--out', join(cwd, 'out'), '--no-cache'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('registry/systems/budget.yaml:');
    expect(result.stdout).toContain('"reviewed" (Senast granskad) ska vara ett datum som finns');
    expect(result.stdout).toContain('webbplatsen byggdes inte');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    removeTemp(cwd);
  });
});

describe('the output folder', () => {
  it('is not replaced when it holds anything but an earlier build', () => {
    const { cwd, root } = copyRegister(join(FIXTURES, 'site'));
    const out = join(cwd, 'mina-dokument');
    mkdirSync(out);
    writeFileSync(join(out, 'viktigt.txt'), 'Får inte försvinna.');
    const result = runCli('src/cli/build.ts', ['--registry', root, '--out', out, '--no-cache'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'Fel: mina-dokument innehåller annat än en webbplats som npm run build har byggt (filen .systemforteckning-bygge saknas) och skrivs inte över. Ange en tom eller ny mapp med --out.\n',
    );
    expect(readFileSync(join(out, 'viktigt.txt'), 'utf8')).toBe('Får inte försvinna.');
    removeTemp(cwd);
  });

  it('is not replaced when it merely looks like a site (an intranet web root, another Astro site)', () => {
    const { cwd, root } = copyRegister(MINIMAL);
    const out = join(cwd, 'wwwroot');
    for (const folder of ['_astro', 'pagefind', 'personalhandbok']) mkdirSync(join(out, folder), { recursive: true });
    writeFileSync(join(out, 'index.html'), '<h1>Intranätet</h1>');
    writeFileSync(join(out, 'personalhandbok', 'index.html'), '<h1>Personalhandbok</h1>');
    const result = runCli('src/cli/build.ts', ['--registry', root, '--out', out, '--no-cache'], { cwd });
    expect(result.status).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['_astro', 'index.html', 'pagefind', 'personalhandbok']);
    expect(readFileSync(join(out, 'personalhandbok', 'index.html'), 'utf8')).toBe('<h1>Personalhandbok</h1>');
    removeTemp(cwd);
  });

  it('is marked as a build, so the next build may replace it', () => {
    expect(existsSync(join(out, '.systemforteckning-bygge'))).toBe(true);
  });

  it('keeps the previous site, whole, when a rebuild is interrupted, and leaves no half-written folder', async () => {
    const { cwd, root } = copyRegister(MINIMAL);
    const site = join(cwd, 'webbplats');
    expect(runCli('src/cli/build.ts', ['--registry', root, '--out', site, '--no-cache'], { cwd }).status).toBe(0);
    const before = listFiles(site);
    editFile(join(root, 'systems', 'lonesystem.yaml'), (text) => text.replace('name: Lönesystem', 'name: Nytt lönesystem'));
    const build = spawn(process.execPath, [join(REPO, 'src', 'cli', 'build.ts'), '--registry', root, '--out', site, '--no-cache'], { cwd });
    let output = '';
    await new Promise<void>((resolve) => {
      build.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('[2/3]')) setTimeout(() => build.kill('SIGINT'), 300);
      });
      build.on('close', () => resolve());
    });
    expect(listFiles(site)).toEqual(before);
    expect(readFileSync(join(site, 'system', 'lonesystem', 'index.html'), 'utf8')).toContain('<h1>Lönesystem</h1>');
    expect(readdirSync(cwd).sort()).toEqual(['registry', 'webbplats']);
    const cache = join(REPO, '.cache');
    const leftovers = existsSync(cache) ? readdirSync(cache).filter((name) => name.startsWith(`bygge-${build.pid}-`)) : [];
    expect(leftovers).toEqual([]);
    removeTemp(cwd);
  });
});
