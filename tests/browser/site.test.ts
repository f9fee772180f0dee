// The built site in a real browser (Debian Chromium): search, filters,
// sorting, accessibility (axe, WCAG 2.1 AA), small screens, no JavaScript,
// and no request to any other origin.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';

const fixture = inject('fixtureSite');
const example = inject('exampleSite');
let browser: Browser;
let context: BrowserContext;
/** The two test servers; everything the pages load must come from them. */
const origins = [new URL(fixture.url).origin, new URL(example.url).origin];
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

  it('shows register text from results as text', async () => {
    const page = await open('sok/?q=farligt');
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-results img, #search-results b, #search-results script').count()).toBe(0);
    await page.close();
  });
});

describe('the register page', () => {
  const names = (page: Page) => page.locator('#register-table tbody th').allTextContents();

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
  it.each(['', 'system/', 'system/socialtjanst/', 'standardutrustning/', 'rad/', 'sok/?q=lön'])(
    '%s fits 360 px without sideways scrolling',
    async (path) => {
      const page = await open(path);
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.close();
    },
  );

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
