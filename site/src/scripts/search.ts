// The search page: Pagefind's JavaScript API behind our own labelled form, so
// the search box is accessible and Swedish. Result text comes from the index
// and is inserted as text; only Pagefind's <mark> highlights are kept. When
// Pagefind finds little, "Menade du …?" suggests names from our own list
// (lib/search-names.ts): typos and words inside compounds.
import { foldText } from '../lib/text.ts';
import { suggest, type NameEntry } from '../lib/search-names.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindSearch {
  results: { data: () => Promise<PagefindResultData> }[];
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  debouncedSearch: (term: string, options: Record<string, unknown>, timeoutMs: number) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  mergeIndex: (bundlePath: string, options: Record<string, unknown>) => Promise<void>;
}

const PAGE = 10;
/** With fewer hits than this, the page also suggests names whose alias is what was typed. */
const SUGGEST_BELOW = 3;
const PAGE_OF: Record<NameEntry[0], string> = { s: 'system', u: 'organisation', p: 'personer' };
const KIND_WORD: Record<NameEntry[0], string> = { s: 'system', u: 'enhet', p: 'person' };

export function enhanceSearch(): void {
  const root = document.querySelector<HTMLElement>('#search');
  const input = root?.querySelector<HTMLInputElement>('input[type="search"]');
  const form = root?.querySelector<HTMLFormElement>('form');
  const type = document.querySelector<HTMLSelectElement>('#search-type');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  const suggestions = document.querySelector<HTMLElement>('#search-suggestions');
  if (!root || !input || !form || !type || !status || !list || !more || !suggestions) return;
  const bundle = root.dataset.bundle as string;
  const siteBase = bundle.replace(/pagefind\/$/, '');
  let names: Promise<NameEntry[]> | undefined;
  const loadNames = () =>
    (names ??= fetch(`${siteBase}export/sokord.json`)
      .then((response) => response.json() as Promise<NameEntry[]>)
      .catch(() => []));
  let pagefind: Promise<Pagefind> | undefined;
  let current: PagefindSearch | null = null;
  let shown = 0;
  /** Parts of the index that could not be fetched: searched without them, and the page says so. */
  let missingParts = 0;

  const load = () =>
    (pagefind ??= (async () => {
      const [module, parts] = await Promise.all([
        import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>,
        indexParts(bundle),
      ]);
      await module.options({ bundlePath: bundle, baseUrl: siteBase, excerptLength: 24 });
      await module.init();
      // A large site's index is built in parts (src/build/search-index.ts): searched as one. A part
      // that is not there is left out: Pagefind would otherwise wait for it on every search.
      const present = await Promise.all(parts.map((part) => partIsThere(`${siteBase}${part}`)));
      missingParts = present.filter((there) => !there).length;
      await Promise.all(
        parts
          .filter((_, index) => present[index])
          .map((part) => module.mergeIndex(`${siteBase}${part}`, { baseUrl: siteBase, excerptLength: 24 })),
      );
      const counts = (await module.filters()).typ ?? {};
      for (const option of type.options) {
        if (option.value) option.textContent = `${option.value} (${counts[option.value] ?? 0})`;
      }
      return module;
    })());

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  type.value = params.get('typ') ?? '';
  document.querySelector('#search-filters')?.removeAttribute('hidden');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  input.addEventListener('input', () => void search());
  type.addEventListener('change', () => void search());
  more.addEventListener('click', () => void showMore());
  void load();
  if (input.value) void search();

  async function search(): Promise<void> {
    const term = input!.value.trim();
    updateUrl(term);
    if (!term) {
      list!.replaceChildren();
      suggestions!.replaceChildren();
      status!.textContent = '';
      more!.hidden = true;
      return;
    }
    let module: Pagefind;
    try {
      module = await load();
    } catch {
      status!.textContent = 'Sökningen kunde inte starta. Ladda om sidan om en stund, eller leta i förteckningarna via menyn.';
      return;
    }
    const result = await module.debouncedSearch(term, { filters: type!.value ? { typ: type!.value } : {} }, 30);
    if (result === null) return;
    current = result;
    shown = 0;
    list!.replaceChildren();
    suggestions!.replaceChildren();
    const count = result.results.length;
    status!.textContent =
      (count === 0 ? `Inga träffar för ”${term}”.` : `${count} ${count === 1 ? 'träff' : 'träffar'} för ”${term}”.`) +
      (missingParts > 0 ? ' En del av sökindexet kunde inte hämtas, så träffar kan saknas. Meddela IT-avdelningen.' : '');
    await showMore();
    await showSuggestions(term, count, result);
  }

  async function showSuggestions(term: string, count: number, searched: PagefindSearch): Promise<void> {
    // Only when Pagefind's best hit is not what was typed: then its hits are weak (a typo,
    // a word inside a compound). The name list is fetched the first time that happens.
    const first = list!.querySelector('li h2 a')?.textContent ?? '';
    const words = foldText(term).split(' ');
    if (count >= SUGGEST_BELOW && words.every((word) => foldText(first).includes(word))) return;
    // Typos and compounds are suggested whatever Pagefind found; aliases only when it found little.
    const found = suggest(await loadNames(), term, { aliases: count < SUGGEST_BELOW }).filter((entry) => entry.name !== first);
    if (current !== searched || found.length === 0) return;
    const link = (entry: { kind: NameEntry[0]; id: string; name: string }) => {
      const a = document.createElement('a');
      a.href = `${siteBase}${PAGE_OF[entry.kind]}/${entry.id}/`;
      a.textContent = entry.name;
      return a;
    };
    suggestions!.append('Menade du ');
    found.forEach((entry, index) => {
      if (index > 0) suggestions!.append(index === found.length - 1 ? ' eller ' : ', ');
      suggestions!.append(link(entry), ` (${KIND_WORD[entry.kind]}${entry.matched !== entry.name ? `, ${entry.matched}` : ''})`);
    });
    suggestions!.append('?');
  }

  async function showMore(): Promise<void> {
    if (!current) return;
    const batch = current.results.slice(shown, shown + PAGE);
    shown += batch.length;
    // All fragments load at once; each result shows as soon as it and those above it are in.
    // The list is busy meanwhile, so that a screen reader waits for the whole batch.
    const searched = current;
    list!.setAttribute('aria-busy', 'true');
    for (const pending of batch.map((result) => result.data())) {
      const data = await pending;
      if (current !== searched) return;
      list!.append(resultItem(data));
    }
    more!.hidden = shown >= current.results.length;
    list!.setAttribute('aria-busy', 'false');
  }

  function updateUrl(term: string): void {
    const query = new URLSearchParams();
    if (term) query.set('q', term);
    if (type!.value) query.set('typ', type!.value);
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
  }
}

async function partIsThere(bundle: string): Promise<boolean> {
  try {
    return (await fetch(`${bundle}pagefind-entry.json`, { method: 'HEAD' })).ok;
  } catch {
    return false;
  }
}

/** The index's other parts, as the build listed them next to the first; none when there is no list. */
async function indexParts(bundle: string): Promise<string[]> {
  try {
    const response = await fetch(`${bundle}delar.json`);
    const parts: unknown = response.ok ? await response.json() : [];
    return Array.isArray(parts) ? parts.filter((part): part is string => typeof part === 'string' && /^pagefind-\d+\/$/.test(part)) : [];
  } catch {
    return [];
  }
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const kind = document.createElement('span');
  kind.className = 'type';
  kind.textContent = data.filters.typ?.[0] ?? data.meta.typ ?? '';
  const heading = document.createElement('h2');
  heading.style.margin = '0.1rem 0';
  heading.style.fontSize = '1.15rem';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const excerpt = document.createElement('p');
  excerpt.append(...safeExcerpt(data.excerpt));
  item.append(kind, heading, excerpt);
  return item;
}

/** Keeps Pagefind's <mark> highlights and turns everything else into plain text. */
function safeExcerpt(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}
