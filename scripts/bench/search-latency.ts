// How long from typing a query on the search page until results are on the
// screen, measured inside the page. The first query warms Pagefind up (it
// loads its WebAssembly once per visit); the median of the rest is reported.
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS as FLAGS } from '../chromium.ts';
import { median } from './measure.ts';

export async function searchLatency(searchPage: string, executablePath: string, queries: readonly string[]): Promise<number> {
  const browser = await chromium.launch({ executablePath, args: FLAGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(searchPage, { waitUntil: 'networkidle' });
    const times: number[] = [];
    for (const [index, query] of ['uppvärmning', ...queries].entries()) {
      await page.fill('#sok', '');
      const elapsed = await page.evaluate(async (term) => {
        const input = document.querySelector<HTMLInputElement>('#sok') as HTMLInputElement;
        const status = document.querySelector('#search-status') as HTMLElement;
        const started = performance.now();
        input.value = term;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((resolve) => {
          const done = () =>
            status.textContent?.includes(`”${term}”`) &&
            (document.querySelector('#search-results li') || status.textContent.startsWith('Inga'));
          const poll = () => (done() ? resolve() : requestAnimationFrame(poll));
          poll();
        });
        return performance.now() - started;
      }, query);
      if (index > 0) times.push(elapsed);
    }
    return median(times);
  } finally {
    await browser.close();
  }
}
