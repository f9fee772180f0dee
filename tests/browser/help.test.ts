// Hjälp in a real browser (Debian Chromium): the guides and field pages pass
// axe and fit a phone, search finds them by the words people use, and a
// label on a system page takes the keyboard to its meaning.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';

const example = inject('exampleSite');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(`${example.url}${path}`, { waitUntil: 'networkidle' });
  return page;
}

const HELP_PAGES = ['hjalp/', 'hjalp/andra-uppgifter/', 'hjalp/roller/', 'hjalp/systemsidan/', 'hjalp/falt/system/', 'hjalp/regler/'];

describe('the help pages', () => {
  it.each(HELP_PAGES)('%s has no WCAG 2.1 AA violation and fits 360 px', async (path) => {
    const page = await open(path);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await axeViolations(page)).toEqual([]);
    // The page itself does not scroll sideways; a wide table scrolls in its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  it.each([
    ['systemförvaltare', 'Roller i systemförvaltningen'],
    ['reservrutin', 'Fälten för system'],
    ['granska', 'Granskning, påminnelser och bekräftelse'],
  ])('are found by search: "%s" finds %s', async (term, title) => {
    const page = await open('sok/?typ=Hjälp');
    await page.fill('#sok', term);
    await page.locator('#search-results li a', { hasText: title }).first().waitFor();
    await page.close();
  });
});

describe('a label on a system page', () => {
  it('is reached with the keyboard and opens its meaning, in view', async () => {
    const page = await open('system/lonesystem/');
    const label = page.locator('dl.facts a.field-help', { hasText: 'Kritikalitet' });
    await label.focus();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Kritikalitet');
    await page.keyboard.press('Enter');
    await page.waitForURL(/hjalp\/falt\/system\/#falt-criticality$/);
    const entry = page.locator('#falt-criticality');
    expect(await entry.textContent()).toContain('Kritikalitet');
    expect(await entry.isVisible()).toBe(true);
    const box = await entry.boundingBox();
    expect(box && box.y >= 0 && box.y < 800).toBe(true);
    await page.close();
  });
});
