// Guideline Markdown: anchors for the document's own table of contents, and
// nothing in the text that could run on the intranet.
import { describe, expect, it } from 'vitest';
import { headingId, renderMarkdown } from '../../src/core/views/markdown.ts';
import { locatePaths } from '../../src/core/locate.ts';

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
