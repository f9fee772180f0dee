// The built site in a real browser (Debian Chromium): search, filters,
// sorting, accessibility (axe, WCAG 2.1 AA), small screens, no JavaScript,
// and no request to any other origin.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCritical, isInUse } from '../../src/core/domain/continuity.ts';
import { openRegister } from '../../src/core/model/open-register.ts';
import { visibleModel } from '../../src/core/model/visible.ts';
import { todayIso } from '../../src/core/text/dates.ts';
import { REPO } from '../helpers/run.ts';

const fixture = inject('fixtureSite');
const example = inject('exampleSite');
const parted = inject('partedSite');
/** The example register's critical systems in use, as the intranet sees them: what the crisis binder must hold. */
const EXAMPLE_CRITICAL = (() => {
  const model = visibleModel(openRegister(join(REPO, 'registry'), { today: todayIso(), cwd: REPO }).model, 'intern');
  return model.systems.filter((system) => isCritical(system) && isInUse(system)).map((system) => system.name).sort();
})();
let browser: Browser;
let context: BrowserContext;
/** The test servers; everything the pages load must come from them. */
const origins = [fixture.url, example.url, parted.url].map((url) => new URL(url).origin);
const requests: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.on('request', (request) => requests.push(request.url()));
  context.on('page', (page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    }),
  );
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, target = fixture.url): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${target}${path}`, { waitUntil: 'networkidle' });
  return page;
}

const PAGE_TYPES = [
  ['start', ''],
  ['systemförteckningen', 'system/'],
  ['ett system', 'system/socialtjanst/'],
  ['ett system med farligt namn', 'system/xss/'],
  ['personer', 'personer/'],
  ['en person', 'personer/orjan-ostlund/'],
  ['organisationen', 'organisation/'],
  ['en enhet', 'organisation/socialforvaltningen/'],
  ['standardutrustning', 'standardutrustning/'],
  ['riktlinjer', 'riktlinjer/'],
  ['en riktlinje', 'riktlinjer/riktlinjer/'],
  ['IT-råden', 'rad/'],
  ['rapporten', 'rapport/'],
  ['ett system med beroendekarta', 'system/lonesystem/'],
  ['kartorna', 'karta/'],
  ['en förvaltnings karta', 'karta/socialforvaltningen/'],
  ['tillgänglighetsredogörelsen', 'tillganglighet/'],
  ['nedladdningar', 'export/'],
  ['sökningen med träffar', 'sok/?q=lön'],
  ['en sida som saknas', 'finns-inte/'],
] as const;

describe('accessibility', () => {
  it.each(PAGE_TYPES)('%s has no WCAG 2.1 AA violation (axe)', async (_name, path) => {
    const page = await open(path);
    if (path.startsWith('sok/')) await page.locator('#search-results li').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the register with filters in use has no violation, also at 360 px', async () => {
    const page = await open('system/?status=i+drift');
    await page.locator('#register-status', { hasText: 'matchar filtret' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each([
    ['start', ''],
    ['systemförteckningen', 'system/'],
    ['ett system', 'system/lonesystem/'],
    ['leverantörerna', 'leverantor/'],
    ['en leverantör', 'leverantor/556123-4567/'],
    ['krispärmen', 'krisparm/'],
  ])('the example register’s %s has no violation', async (_name, path) => {
    const page = await open(path, example.url);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('every page starts with a skip link to the main content', async () => {
    const page = await open('system/lonesystem/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});

describe('search', () => {
  it('finds a system and a unit by an alias', async () => {
    const page = await open('sok/', example.url);
    await page.fill('#sok', 'BUF');
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-results li a').allTextContents()).toContain('Barn- och utbildningsförvaltningen');
    await page.fill('#sok', 'Lönen');
    await page.locator('#search-results li a', { hasText: 'Lönesystem' }).first().waitFor();
    await page.close();
  });

  it('suggests what was meant when a word has a typo or sits inside a compound, which Pagefind cannot find', async () => {
    const page = await open('sok/', example.url);
    await page.fill('#sok', 'lönesytem');
    const suggestion = page.locator('#search-suggestions a');
    await suggestion.first().waitFor();
    expect(await page.locator('#search-suggestions').textContent()).toMatch(/^Menade du Lönesystem \(system\)\?$/);
    expect(await suggestion.first().getAttribute('href')).toBe('/systemforteckning/system/lonesystem/');
    await page.fill('#sok', 'skjuts');
    await page.locator('#search-suggestions a', { hasText: 'Skolskjutsplanering' }).waitFor();
    await page.fill('#sok', 'Lönesystem');
    await page.locator('#search-results li a', { hasText: 'Lönesystem' }).first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('#search-suggestions').textContent()).toBe('');
    await page.close();
  });

  it('shows excerpts with a space between neighbouring fields', async () => {
    const page = await open('sok/', example.url);
    await page.fill('#sok', 'Bo Berg');
    await page.locator('#search-results li a', { hasText: 'Bo Berg' }).first().waitFor();
    const excerpts = (await page.locator('#search-results li p').allTextContents()).join(' ');
    expect(excerpts).not.toMatch(/förHR|SystemRoll|RollStatus/);
    await page.close();
  });

  it('finds a system by its name', async () => {
    const page = await open('sok/');
    await page.fill('#sok', 'Budgetverktyg');
    const first = page.locator('#search-results li').first();
    await first.waitFor();
    expect(await first.locator('a').textContent()).toBe('Budgetverktyg');
    expect(await first.locator('.type').textContent()).toBe('System');
    await page.close();
  });

  it('finds the systems where a person holds a role, by the person’s name', async () => {
    const page = await open('sok/');
    await page.fill('#sok', 'Zlatan Zetterlund');
    await page.locator('#search-results li').first().waitFor();
    const titles = await page.locator('#search-results li a').allTextContents();
    expect(titles).toContain('Ärendesystem socialtjänst');
    expect(titles).toContain('Zlatan Zetterlund');
    await page.close();
  });

  it('filters results by type', async () => {
    const page = await open('sok/?q=Zetterlund&typ=System');
    await page.locator('#search-results li').first().waitFor();
    const types = await page.locator('#search-results .type').allTextContents();
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['System']));
    await page.close();
  });

  it('is reachable from every page: the header search box leads to results', async () => {
    const page = await open('standardutrustning/');
    await page.fill('#sidhuvud-sok', 'Lönesystem');
    await page.press('#sidhuvud-sok', 'Enter');
    await page.waitForURL(/\/sok\/\?q=L%C3%B6nesystem/);
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-results li a').first().textContent()).toBe('Lönesystem');
    await page.close();
  });

  it('searches an index built in parts as one: every page the whole index finds, the same best hit, and the counts per type', async () => {
    const answer = async (target: string, query: string) => {
      const page = await open(`sok/?${query}`, target);
      const settled = () => page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
      await settled();
      // Every hit, not the first ten: "Visa fler" until there are no more.
      while (await page.locator('#search-more').isVisible()) {
        await page.locator('#search-more').click();
        await settled();
      }
      const pages = await page
        .locator('#search-results li h2 a')
        .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      const types = await page.locator('#search-type option').allTextContents();
      await page.close();
      return { pages, types };
    };
    const parts = JSON.parse(readFileSync(join(parted.out, 'pagefind', 'delar.json'), 'utf8')) as string[];
    expect(parts.length).toBeGreaterThan(2);
    // A name's own page comes first either way; a common word's hits may come in another order, as each part ranks its own.
    const queries: [string, boolean][] = [
      ['q=L%C3%B6nesystem', true],
      ['q=BUF', true],
      ['q=Bo+Berg', true],
      ['q=Anna+Andersson&typ=System', false],
      ['q=avtal', false],
    ];
    for (const [query, isName] of queries) {
      const whole = await answer(example.url, query);
      const inParts = await answer(parted.url, query);
      expect(whole.pages.length).toBeGreaterThan(0);
      if (isName) expect(inParts.pages[0]).toBe(whole.pages[0]);
      expect(inParts.pages).toEqual(expect.arrayContaining(whole.pages));
      expect(inParts.types).toEqual(whole.types);
    }
  });

  it('still searches when a part of the index is missing, and says that hits may be missing', async () => {
    const page = await context.newPage();
    await page.route(/\/pagefind-2\/pagefind-entry\.json/, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${parted.url}sok/?q=Bo+Berg`, { waitUntil: 'networkidle' });
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-status').textContent()).toMatch(/träffar för ”Bo Berg”\. En del av sökindexet kunde inte hämtas, så träffar kan saknas\./);
    await page.close();
  });

  it('says so when the search cannot start, instead of asking for JavaScript', async () => {
    const page = await context.newPage();
    await page.route(/\/pagefind\/pagefind\.js/, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${example.url}sok/?q=Lönesystem`, { waitUntil: 'networkidle' });
    await page.locator('#search-status', { hasText: 'Sökningen kunde inte starta' }).waitFor();
    expect(await page.locator('#search-results li').count()).toBe(0);
    await page.close();
  });

  it('shows register text from results as text', async () => {
    const page = await open('sok/?q=farligt');
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-results img, #search-results b, #search-results script').count()).toBe(0);
    await page.close();
  });
});

describe('the register page', () => {
  const names = (page: Page) => page.locator('#register-table tbody th').allTextContents();

  it('filters without regard to case and å, ä, ö, and by aliases, products and units’ aliases', async () => {
    const page = await open('system/');
    await page.fill('#filter-text', 'ORJAN ostlund');
    await page.locator('#register-status', { hasText: 'Visar 1 av 1' }).waitFor();
    expect(await names(page)).toEqual(['Ärendesystem socialtjänst']);
    await page.fill('#filter-text', 'lonen');
    await page.locator('#register-status', { hasText: 'Visar 1 av 1' }).waitFor();
    expect(await names(page)).toEqual(['Lönesystem']);
    await page.fill('#filter-text', 'soc');
    await page.locator('#register-status', { hasText: 'Visar 1 av 1' }).waitFor();
    expect(await names(page)).toEqual(['Ärendesystem socialtjänst']);
    await page.close();
    const products = await open('system/?text=skanna', example.url);
    await products.locator('#register-status', { hasText: 'som matchar filtret' }).waitFor();
    expect(await names(products)).toEqual(['Fakturaskanning']);
    await products.close();
  });

  it('narrows the list with each filter', async () => {
    const page = await open('system/');
    expect(await names(page)).toHaveLength(5);
    await page.selectOption('#filter-status', 'avvecklad');
    await page.locator('#register-status', { hasText: 'Visar 1 av 1 system' }).waitFor();
    expect(await names(page)).toEqual(['Arkivsystem']);
    await page.selectOption('#filter-status', '');
    await page.selectOption('#filter-hosting', 'molntjänst');
    await page.locator('#register-status', { hasText: 'Visar 2 av 2' }).waitFor();
    expect(await names(page)).toEqual(['<script>alert(1)</script>', 'Budgetverktyg']);
    await page.selectOption('#filter-hosting', '');
    await page.selectOption('#filter-unit', 'Socialförvaltningen');
    await page.locator('#register-status', { hasText: 'Visar 1 av 1' }).waitFor();
    expect(await names(page)).toEqual(['Ärendesystem socialtjänst']);
    await page.selectOption('#filter-unit', '');
    await page.fill('#filter-text', 'zetterlund');
    await page.locator('#register-status', { hasText: 'Visar 1 av 1' }).waitFor();
    expect(await names(page)).toEqual(['Ärendesystem socialtjänst']);
    expect(page.url()).toContain('text=zetterlund');
    await page.close();
  });

  it('sorts by a column with Swedish collation (Å, Ä and Ö last)', async () => {
    const page = await open('system/');
    await page.click('th[data-key="owner"] button');
    await page.locator('#register-status', { hasText: 'sorterade efter systemägare' }).waitFor();
    const owners = await page.locator('#register-table tbody td:nth-of-type(3)').allTextContents();
    expect(owners).toEqual(['Anna Andersson', 'Anna Andersson', 'Anna Andersson', 'Anna Andersson', 'Örjan Östlund']);
    await page.click('th[data-key="name"] button');
    await page.click('th[data-key="name"] button');
    await page.locator('#register-status', { hasText: 'omvänd ordning' }).waitFor();
    expect((await names(page))[0]).toBe('Ärendesystem socialtjänst');
    expect(await page.getAttribute('th[data-key="name"]', 'aria-sort')).toBe('descending');
    await page.close();
  });

  it('is readable without JavaScript', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${fixture.url}system/`);
    expect(await page.locator('#register-table tbody tr').count()).toBe(5);
    expect(await page.locator('#register-filters').isVisible()).toBe(false);
    await noScript.close();
  });
});

describe('small screens and print', () => {
  // Every page type of both registers, at a phone's width and at a laptop's.
  const everyPage = [...PAGE_TYPES.map(([, path]) => [path, fixture.url] as const), ['system/', example.url], ['organisation/', example.url], ['system/identitetshantering/', example.url], ['karta/kommunledningsforvaltningen/', example.url], ['rapport/', example.url], ['leverantor/556123-4567/', example.url], ['krisparm/', example.url]] as const;
  it.each(everyPage.map(([path, target]) => [`${target === example.url ? 'exempel: ' : ''}${path || 'start'}`, path, target] as const))(
    '%s fits 360 and 1280 px without sideways scrolling',
    async (_name, path, target) => {
      const page = await open(path, target);
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} px`).toBeLessThanOrEqual(width);
      }
      await page.close();
    },
  );

  it('shows the whole register table at 1280 px, with every column and no scrolling inside it', async () => {
    const page = await open('system/', example.url);
    const [scrollWidth, clientWidth] = await page.evaluate(() => {
      const wrap = document.querySelector('#register-table')!.closest('.table-wrap')!;
      return [wrap.scrollWidth, wrap.clientWidth];
    });
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const headings = (await page.locator('#register-table thead th').allTextContents()).map((text) => text.trim());
    expect(headings).toContain('System\u00ADadministratörer');
    expect(headings).toContain('Driftansvarig');
    await page.close();
  });

  it('prints the register and a system page without navigation or filters', async () => {
    const page = await open('system/socialtjanst/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.role-list').isVisible()).toBe(true);
    await page.goto(`${fixture.url}system/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#register-filters').isVisible()).toBe(false);
    expect(await page.locator('#register-table').isVisible()).toBe(true);
    await page.close();
  });
});

describe('on a phone and on paper', () => {
  it('keeps the header to two short rows, with one search box on each page', async () => {
    for (const path of ['', 'sok/', 'system/lonesystem/', 'organisation/']) {
      const page = await open(path, example.url);
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await page.locator('.site-header').evaluate((header) => header.getBoundingClientRect().height), path).toBeLessThan(740 / 6);
      const boxes = await page.locator('input[type="search"]').evaluateAll((inputs) => inputs.filter((input) => (input as HTMLElement).offsetParent !== null).length);
      expect(boxes, path).toBeLessThanOrEqual(1);
      expect(await page.locator('input[type="search"]').count(), path).toBeLessThanOrEqual(path === '' || path === 'sok/' ? 1 : 2);
      await page.close();
    }
  });

  it('breaks headings between words, not inside them', async () => {
    for (const path of ['organisation/kommunledningsforvaltningen/', 'karta/kommunledningsforvaltningen/', 'system/identitetshantering/', 'rapport/']) {
      const page = await open(path, example.url);
      await page.setViewportSize({ width: 360, height: 740 });
      const split = await page.locator('h1, h2, h3').evaluateAll((headings) =>
        headings.flatMap((heading) => {
          const text = heading.firstChild;
          if (!text || text.nodeType !== 3) return [];
          const words: string[] = [];
          for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index ?? 0);
            range.setEnd(text, (match.index ?? 0) + match[0].length);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (lines.size > 1) words.push(match[0]);
          }
          return words;
        }),
      );
      expect(split, path).toEqual([]);
      await page.close();
    }
  });

  it('keeps an impact row’s criticality and owner on the screen of a phone', async () => {
    const page = await open('system/identitetshantering/', example.url);
    await page.setViewportSize({ width: 360, height: 740 });
    const cells = await page.locator('table.impact tbody tr').first().locator('td[data-label]').evaluateAll((tds) =>
      tds.map((td) => ({ label: td.getAttribute('data-label'), right: td.getBoundingClientRect().right, before: getComputedStyle(td, '::before').content })),
    );
    expect(cells.map((cell) => cell.label)).toEqual(['Hur', 'Kritikalitet', 'Systemägare']);
    for (const cell of cells) {
      expect(cell.right).toBeLessThanOrEqual(360);
      expect(cell.before).toContain(cell.label);
    }
    await page.close();
  });

  it.each([
    ['testregistret', () => fixture.url],
    ['exempelregistret', () => example.url],
  ])('prints the register of %s within the width of the page', async (_name, target) => {
    const page = await open('system/', target());
    await page.emulateMedia({ media: 'print' });
    const A4 = Math.floor(((210 - 30) / 25.4) * 96);
    await page.setViewportSize({ width: A4, height: 1100 });
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, Math.ceil(document.querySelector('#register-table')?.getBoundingClientRect().right ?? 0)])).toEqual([
      A4,
      expect.any(Number),
    ]);
    expect(await page.evaluate(() => document.querySelector('#register-table')?.getBoundingClientRect().right ?? 0)).toBeLessThanOrEqual(A4);
    await page.close();
  });
});

describe('charts people can read', () => {
  it.each([360, 1280])('have no text under 12 px at %i px, month labels that cannot be misread, and late contracts marked in words', async (width) => {
    const page = await open('rapport/', example.url);
    await page.setViewportSize({ width, height: 900 });
    const texts = await page.locator('.chart').evaluateAll((charts) =>
      charts.flatMap((chart) =>
        [...chart.querySelectorAll('*')]
          .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim()) && (element as HTMLElement).getClientRects().length > 0)
          .map((element) => ({ text: element.textContent?.trim().slice(0, 30), size: element.getBoundingClientRect().height > 0 ? parseFloat(getComputedStyle(element).fontSize) : 99 })),
      ),
    );
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((item) => item.size < 12)).toEqual([]);
    const months = await page.locator('.timeline-axis text').evaluateAll((labels) => labels.filter((label) => getComputedStyle(label).display !== 'none').map((label) => label.textContent?.trim()));
    expect(months.length).toBeGreaterThan(2);
    for (const month of months) expect(month).toMatch(/^(jan\.|feb\.|mars|apr\.|maj|juni|juli|aug\.|sep\.|okt\.|nov\.|dec\.) 20\d\d$/);
    // The example register has contracts whose procurement should already have started.
    expect(await page.locator('.timeline-rows li.late .late-note').first().textContent()).toMatch(/^, försenat: /);
    // Names are whole, not cut to fit a column.
    expect(await page.locator('.timeline-name a').allTextContents()).toContain('Verksamhetssystem socialtjänst');
    await page.close();
  });
});

describe('the crisis binder and the system card on paper', () => {
  /** The paper's width at 96 dpi: A4 less the page margins (15 mm each side). */
  const A4_CONTENT = Math.floor(((210 - 30) / 25.4) * 96);

  it('prints every critical system of the register, per förvaltning, without navigation, cut rows or sideways overflow', async () => {
    const page = await open('krisparm/', example.url);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_CONTENT, height: 1100 });
    for (const chrome of ['.site-header', '.main-nav', '.site-footer', '.skip-link']) expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(A4_CONTENT);
    const printed = await page.locator('.binder-card h3').evaluateAll((headings) => headings.map((heading) => heading.childNodes[0]?.textContent?.trim()));
    expect(printed.sort()).toEqual(EXAMPLE_CRITICAL);
    // A förvaltning starts on a new page, and no system's card is split between two.
    const styles = await page.evaluate(() => ({
      unit: getComputedStyle(document.querySelector('.binder-unit') as Element).breakBefore,
      card: getComputedStyle(document.querySelector('.binder-card') as Element).breakInside,
    }));
    expect(styles).toEqual({ unit: 'page', card: 'avoid' });
    // On paper a phone number is the number, not a link to tap.
    expect(await page.locator('.binder-card', { hasText: 'Lönesystem' }).first().textContent()).toContain('010-470 22 96');
    await page.close();
  });

  it('prints a system page as one card: who answers and the facts, not the map, the history or the buttons', async () => {
    const page = await open('system/lonesystem/', example.url);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_CONTENT, height: 1100 });
    expect(await page.locator('.role-list').isVisible()).toBe(true);
    expect(await page.locator('#leverantor').isVisible()).toBe(true);
    for (const hidden of ['.dependency-map', '#andringar', '#rapportera-fel', '.actions']) expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(A4_CONTENT);
    await page.close();
  });

  it('shows on a supplier’s page what stops when it does, in the order to act', async () => {
    const page = await open('leverantor/556123-4567/', example.url);
    const rows = await page.locator('table.impact tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 3).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim())));
    expect(rows).toEqual([
      ['Lönesystem I drift', 'direkt', 'kritisk'],
      ['HR-självservice I drift', 'direkt', 'hög'],
      ['Beslutsstöd I drift', 'genom Lönesystem', 'medel'],
    ]);
    expect(await page.locator('#support + ul').textContent()).toContain('010-550 12 00');
    await page.close();
  });
});

describe('maps that help', () => {
  /** What a reader would see wrong in a map, measured in the browser: text over a border, a line through a box, a line outside the drawing. */
  const problems = (page: Page) =>
    page.locator('.dependency-map svg').evaluate((svg) => {
      const found: string[] = [];
      const viewBox = (svg as SVGSVGElement).viewBox.baseVal;
      const boxes = [...svg.querySelectorAll('g.map-node')].map((group) => {
        const rect = (group.querySelector('rect') as SVGRectElement).getBBox();
        for (const text of group.querySelectorAll('text')) {
          const box = (text as SVGTextElement).getBBox();
          if (box.x < rect.x - 0.5 || box.x + box.width > rect.x + rect.width + 0.5) found.push(`text över kanten: ${text.textContent}`);
        }
        return { key: group.getAttribute('data-key'), rect };
      });
      for (const path of svg.querySelectorAll<SVGPathElement>('path.map-edge')) {
        const from = path.getAttribute('data-from');
        const to = path.getAttribute('data-to');
        const length = path.getTotalLength();
        for (let at = 0; at <= length; at += 3) {
          const point = path.getPointAtLength(at);
          if (point.x < viewBox.x || point.y < viewBox.y || point.x > viewBox.x + viewBox.width || point.y > viewBox.y + viewBox.height) {
            found.push(`linje utanför: ${from}→${to}`);
            break;
          }
          const crossed = boxes.find(
            ({ key, rect }) => key !== from && key !== to && point.x > rect.x + 1 && point.x < rect.x + rect.width - 1 && point.y > rect.y + 1 && point.y < rect.y + rect.height - 1,
          );
          if (crossed) {
            found.push(`linje genom ${crossed.key}: ${from}→${to}`);
            break;
          }
        }
      }
      return found;
    });

  it.each([
    ['ett systems karta', 'system/lonesystem/', () => fixture.url],
    ['den största systemkartan', 'system/identitetshantering/', () => example.url],
    ['en förvaltnings karta', 'karta/kommunledningsforvaltningen/', () => example.url],
    ['en annan förvaltnings karta', 'karta/socialforvaltningen/', () => example.url],
  ])('%s keeps text in its boxes and lines between them, inside the drawing', async (_name, path, target) => {
    const page = await open(path, target());
    expect(await problems(page)).toEqual([]);
    await page.close();
  });

  it.each([360, 1280])('shows the page’s own system at %i px, and lets the reader see the whole map', async (width) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${example.url}system/identitetshantering/`, { waitUntil: 'networkidle' });
    const centre = await page.locator('.map-node.center rect').boundingBox();
    expect(centre).not.toBeNull();
    expect(centre!.x).toBeGreaterThanOrEqual(0);
    expect(centre!.x + centre!.width).toBeLessThanOrEqual(width);
    // The map is wider than the page: a button shows all of it, scaled to the frame.
    const toggle = page.getByRole('button', { name: 'Visa hela kartan' });
    await toggle.click();
    const frame = await page.locator('.map-scroll').evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(frame.scroll).toBeLessThanOrEqual(frame.client + 1);
    await page.getByRole('button', { name: 'Visa kartan i full storlek' }).click();
    expect((await page.locator('.map-node.center rect').boundingBox())!.x).toBeGreaterThanOrEqual(0);
    await page.close();
  });
});

describe('the dependency map', () => {
  it('draws the system, what uses it and what it uses, each a link, with status and criticality', async () => {
    const page = await open('system/lonesystem/');
    const map = page.locator('.dependency-map svg');
    expect(await map.getAttribute('aria-label')).toMatch(/^Lönesystem i mitten/);
    const links = await map.locator('a').evaluateAll((anchors) => anchors.map((a) => [a.getAttribute('href'), a.textContent?.replace(/\s+/g, ' ').trim()]));
    expect(links).toEqual(
      expect.arrayContaining([
        ['/intra/sf/system/budget/', expect.stringContaining('Budgetverktyg')],
        ['/intra/sf/system/socialtjanst/', expect.stringContaining('Ärendesystem socialtjänst')],
      ]),
    );
    expect(await map.locator('.map-node.center').textContent()).toContain('i drift · kritisk');
    expect(await map.locator('.map-edge').count()).toBe(3);
    // How a system depends on another is protected (skyddad): the intranet shows that it does, not how.
    expect(await map.locator('.map-edge title').allTextContents()).toContain('Lönesystem använder Budgetverktyg');
    expect(await map.locator('[class*="typ-"]').count()).toBe(0);
    // The lists say the same in words: the picture's text alternative.
    const lists = await page.locator('#beroenden-listor').textContent();
    expect(lists).toContain('Budgetverktyg');
    expect(lists).not.toContain('Lönekostnader till budgetuppföljningen');
    await page.close();
  });

  it('lists what stops working, directly and through others, and shows a cycle instead of following it', async () => {
    const page = await open('system/budget/');
    const rows = await page.locator('table.impact tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(rows).toEqual([
      ['Lönesystem', 'direkt', 'kritisk', 'Anna Andersson'],
      ['Ärendesystem socialtjänst', 'genom Lönesystem', 'ej angiven', 'Örjan Östlund'],
    ]);
    const text = (await page.locator('#paverkan ~ p').allTextContents()).map((item) => item.replace(/\s+/g, ' '));
    expect(text.join(' ')).toMatch(/Då påverkas 2 system: 1 direkt och 1 genom andra system\./);
    expect(text.join(' ')).toMatch(/Beroendena går runt i en cirkel: Budgetverktyg använder Lönesystem\. Ett fel kan alltså komma tillbaka till Budgetverktyg\./);
    await page.close();
  });

  it('on a förvaltning’s map, shows its systems and, shaded, the others they hang together with', async () => {
    const page = await open('karta/socialforvaltningen/', example.url);
    const own = await page.locator('.map-node.system').count();
    const others = await page.locator('.map-node.external').count();
    expect(own).toBeGreaterThan(0);
    expect(others).toBeGreaterThan(0);
    expect(await page.locator('.map-node.external', { hasText: 'Identitets- och' }).textContent()).toContain('Kommunledningsförvaltningen');
    await page.close();
  });
});

describe('safety', () => {
  it('runs nothing from register text and sends no request to another origin', async () => {
    const page = await open('system/xss/');
    expect(await page.locator('h1').textContent()).toBe('<script>alert(1)</script>');
    await page.goto(`${fixture.url}riktlinjer/riktlinjer/`, { waitUntil: 'networkidle' });
    await page.goto(`${fixture.url}system/?text=script`, { waitUntil: 'networkidle' });
    await page.locator('#register-status', { hasText: 'Visar 1 av 1' }).waitFor();
    expect(dialogs).toEqual([]);
    const foreign = requests.filter((url) => !origins.includes(new URL(url).origin) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(PAGE_TYPES.length);
    await page.close();
  });
});
