// A laid-out dependency map as SVG markup. Written as a string rather than as
// an Astro template because a large register draws thousands of them: the
// template engine took several seconds for what this does in milliseconds.
// Every piece of register text passes through escapeMarkup; links come from
// the caller, who builds them from ids.
import { escapeMarkup } from '#core/text/output.ts';
import type { DependencyMap, MapNode } from './dependency-map.ts';

export interface SvgOptions {
  /** The picture's accessible name. */
  label: string;
  /** Where a node links; undefined for no link (the page's own system). */
  href: (node: MapNode) => string | undefined;
}

/** Em widths of a bold sans-serif's letters, roughly: narrow, wide, capitals, the rest. */
function estimatedWidth(text: string, size: number): number {
  let ems = 0;
  for (const character of text) {
    if (/[iljtfr.,:;'!| ()-]/.test(character)) ems += 0.36;
    else if (/[mwMWÅÄÖ@]/.test(character)) ems += 0.95;
    else if (/[A-ZÅÄÖ0-9]/.test(character)) ems += 0.74;
    else ems += 0.62;
  }
  return ems * size;
}

/**
 * A text that stays inside its box: one that may be wider than the room is
 * given its width (textLength), so the browser fits it to that, whatever the
 * font, rather than letting it run over the border.
 */
function fitted(text: string, size: number, room: number): string {
  const width = estimatedWidth(text, size);
  return width > room * 0.7 ? ` textLength="${Math.floor(Math.min(room, width))}" lengthAdjust="spacingAndGlyphs"` : '';
}

export function renderMapSvg(map: DependencyMap, options: SvgOptions): string {
  const nameOf = new Map(map.nodes.map((node) => [node.key, node.title.replace(/ \(.*\)$/, '')]));
  const parts: string[] = [
    `<svg viewBox="0 0 ${map.width} ${map.height}" width="${map.width}" height="${map.height}" aria-label="${escapeMarkup(options.label)}">`,
    '<defs><marker id="pil" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0 0L10 5L0 10z"></path></marker></defs>',
  ];
  for (const edge of map.edges) {
    const d = edge.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join('');
    const title = `${nameOf.get(edge.from) ?? edge.from} använder ${nameOf.get(edge.to) ?? edge.to}${edge.type ? ` (${edge.type})` : ''}`;
    parts.push(
      `<path class="map-edge${edge.type ? ` typ-${escapeMarkup(edge.type)}` : ''}" data-from="${escapeMarkup(edge.from)}" data-to="${escapeMarkup(edge.to)}" d="${d}" marker-end="url(#pil)"><title>${escapeMarkup(title)}</title></path>`,
    );
  }
  for (const node of map.nodes) {
    const classes = ['map-node', node.role, node.tone, ...(node.critical ? ['critical'] : [])].join(' ');
    const room = node.width - 20;
    const lines = node.lines
      .map((line, index) => `<tspan x="${node.x + 10}" dy="${index === 0 ? 0 : 16}"${fitted(line, 13, room)}>${escapeMarkup(line)}</tspan>`)
      .join('');
    const body =
      `<g class="${classes}" data-key="${escapeMarkup(node.key)}"><title>${escapeMarkup(node.title)}</title>` +
      `<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="4"></rect>` +
      `<text x="${node.x + 10}" y="${node.y + 19}">${lines}</text>` +
      `<text class="detail" x="${node.x + 10}" y="${node.y + node.height - 10}"${fitted(node.detail, 12, room)}>${escapeMarkup(node.detail)}</text></g>`;
    const href = options.href(node);
    parts.push(href === undefined ? body : `<a href="${escapeMarkup(href)}">${body}</a>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
