// Guideline Markdown: anchors for the document's own table of contents, and
// nothing in the text that could run on the intranet.
import { describe, expect, it } from 'vitest';
import { headingId, renderGuidelineMarkdown, renderMarkdown } from '../../src/core/text/markdown.ts';
import { locatePaths } from '../../src/core/reading/locate.ts';

describe('guideline Markdown', () => {
  it('gives headings ids that match links like #2-inköp', () => {
    expect(headingId('2. Inköp')).toBe('2-inköp');
    expect(renderMarkdown('## 3. Ansvar och befogenheter')).toBe('<h2 id="3-ansvar-och-befogenheter">3. Ansvar och befogenheter</h2>\n');
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('Text <script>alert(1)</script> och <img src=x onerror=alert(2)>')).toBe(
      '<p>Text &lt;script&gt;alert(1)&lt;/script&gt; och &lt;img src=x onerror=alert(2)&gt;</p>\n',
    );
  });

  it('keeps web, e-mail and in-page links, and drops script links to plain text', () => {
    const html = renderMarkdown(
      '[a](https://www.digg.se/) [b](mailto:it@kommun.se) [c](#1-syfte) [d](javascript:alert(1)) [e](JavaScript:x) [f](data:text/html,x)',
    );
    expect(html).toBe('<p><a href="https://www.digg.se/">a</a> <a href="mailto:it@kommun.se">b</a> <a href="#1-syfte">c</a> d e f</p>\n');
  });

  it('allows only web, e-mail and site links: other schemes, however written, become text', () => {
    const hostile = ['ms-msdt:/id%20x', 'search-ms:query=a', 'file:///C:/x', 'vbscript:x', '\tjavascript:x', 'JAVASCRIPT:x'];
    for (const href of hostile) expect(renderMarkdown(`[länk](${href})`), href).toBe('<p>länk</p>\n');
    expect(renderMarkdown('[a](sida/) [b](../riktlinjer/) [c](//andra.example/x)')).toBe(
      '<p><a href="sida/">a</a> <a href="../riktlinjer/">b</a> <a href="//andra.example/x">c</a></p>\n',
    );
  });

  it('shows images from the site itself and offers images from elsewhere as a link, never loading them', () => {
    expect(renderMarkdown('![Karta](bilder/karta.png)')).toBe('<p><img src="bilder/karta.png" alt="Karta"></p>\n');
    expect(renderMarkdown('![Logga](https://andra.example/l.png) ![x](//andra.example/l.png) ![y](data:image/png;base64,AA)')).toBe(
      '<p><a href="https://andra.example/l.png">Bild: Logga</a> x y</p>\n',
    );
  });

  it('refuses text that would exhaust the renderer, with the line to change', () => {
    expect(renderGuidelineMarkdown(`Inledning\n\n${'>'.repeat(4000)} x`)).toEqual({
      ok: false,
      problem: expect.objectContaining({ line: 3, rule: 'markdown-too-deep' }),
    });
    expect(renderGuidelineMarkdown('_a'.repeat(100_000))).toEqual({
      ok: false,
      problem: expect.objectContaining({ line: 1, rule: 'markdown-too-complex' }),
    });
  });
});

describe('finding a data path in the YAML text', () => {
  it('points at keys and values, and at the closest ancestor of something missing', () => {
    const text = 'id: a\nroles:\n  owner: anna\n  administrators:\n    - bo\n    - cecilia\n';
    expect(
      locatePaths(text, [
        { path: ['roles', 'owner'], target: 'value' },
        { path: ['roles', 'administrators', 1], target: 'value' },
        { path: ['roles', 'manager'], target: 'key' },
        { path: [], target: 'key' },
      ]),
    ).toEqual([
      { line: 3, column: 10 },
      { line: 6, column: 7 },
      { line: 2, column: 1 },
      { line: 1, column: 1 },
    ]);
  });

  it('is not confused by a collection used as a key', () => {
    const text = '? [a, b]\n: x\nname: y\n';
    expect(locatePaths(text, [{ path: ['name'], target: 'value' }])).toEqual([{ line: 3, column: 7 }]);
  });
});
