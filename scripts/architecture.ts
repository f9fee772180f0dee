// The architecture page's picture and table, drawn from the layers that
// dependency-cruiser checks (architecture.ts): npm run docs
// writes them, tests/core/architecture.test.ts keeps them in step.
import { CORE_LAYERS, LAYERS } from '../architecture.ts';
import { escapeMarkup } from '../src/core/text/output.ts';

const WIDTH = 880;
const ROW = 58;
const GAP = 10;
const LEFT = 120;

/** The layers as an SVG: the top of the picture is the top of the stack; every import points down. */
export function architectureSvg(): string {
  const rows = [...LAYERS].reverse();
  const height = rows.length * (ROW + GAP) + GAP;
  const coreTop = (LAYERS.length - CORE_LAYERS.length) * (ROW + GAP) + GAP / 2;
  const boxes = rows.flatMap((layer, row) => {
    const y = GAP + row * (ROW + GAP);
    const width = (WIDTH - LEFT - GAP * (layer.parts.length - 1)) / layer.parts.length;
    return layer.parts.map((part, index) => {
      const x = LEFT + index * (width + GAP);
      return [
        `<rect x="${x}" y="${y}" width="${width}" height="${ROW}" rx="6" class="${CORE_LAYERS.includes(layer) ? 'core' : 'outer'}"/>`,
        `<text x="${x + 10}" y="${y + 23}" class="title">${escapeMarkup(part.title)}</text>`,
        `<text x="${x + 10}" y="${y + 43}" class="says">${escapeMarkup(part.says)}</text>`,
      ].join('');
    });
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="rubrik">`,
    '<title id="rubrik">Kodens lager: varje lager importerar bara lagren under sig</title>',
    '<style>rect.core{fill:#eef4fb;stroke:#1d4f91}rect.outer{fill:#f4f4f4;stroke:#555}text{font-family:system-ui,sans-serif;fill:#1a1a1a}.title{font-size:15px;font-weight:600}.says{font-size:12px}.side{font-size:13px}</style>',
    `<line x1="40" y1="${GAP + 8}" x2="40" y2="${height - GAP - 8}" stroke="#1a1a1a" stroke-width="2" marker-end="url(#pil)"/>`,
    '<defs><marker id="pil" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0 0L10 5L0 10z" fill="#1a1a1a"/></marker></defs>',
    `<text x="52" y="${height / 2}" class="side" transform="rotate(90 52 ${height / 2})" text-anchor="middle">importerar nedåt</text>`,
    `<line x1="${LEFT - 14}" y1="${coreTop + GAP / 2}" x2="${LEFT - 14}" y2="${height - GAP}" stroke="#1d4f91" stroke-width="3"/>`,
    `<text x="${LEFT - 24}" y="${(coreTop + height) / 2}" class="side" transform="rotate(-90 ${LEFT - 24} ${(coreTop + height) / 2})" text-anchor="middle">kärnan, src/core</text>`,
    ...boxes,
    '</svg>',
    '',
  ].join('\n');
}

/** The same layers as a Markdown table, bottom up, with the folder rule each is checked by. */
export function architectureTable(): string {
  const lines = ['| Lager (nerifrån) | Mappar | Innehåll |', '| --- | --- | --- |'];
  LAYERS.forEach((layer, index) => {
    for (const part of layer.parts) lines.push(`| ${index + 1} | \`${part.title}\` | ${part.says} |`);
  });
  return lines.join('\n');
}

/** The files npm run docs writes from the layers, and the architecture test keeps in step. */
export const ARCHITECTURE_FILES: readonly { file: string; content: () => string }[] = [{ file: 'docs/arkitektur.svg', content: architectureSvg }];
export const ARCHITECTURE_SECTION = { file: 'docs/arkitektur.md', marker: 'lager', content: architectureTable };
