// Progressive enhancement of the register page: filter by text, unit, status
// and hosting, and sort by any column with Swedish collation, over every
// system (not just the rows on this page). Rows are built with DOM methods
// and textContent, never innerHTML, so register text is always inert.
import { statusTone, SYSTEM_STATUSES } from '../../../src/core/model/lifecycle.ts';
import { capitalize, swedishCollator as collator } from '../../../src/core/text/text.ts';
import type { RegisterIndex } from '../../../src/core/views/register-rows.ts';

const STATUS_ORDER: readonly string[] = SYSTEM_STATUSES;
const FIRST_CHUNK = 200;

type Row = RegisterIndex['rows'][number];
type Column = 'name' | 'unit' | 'status' | 'owner' | 'manager' | 'administrators' | 'operations' | 'hosting';

export function enhanceRegister(): void {
  const form = document.querySelector<HTMLFormElement>('#register-filters');
  const table = document.querySelector<HTMLTableElement>('#register-table');
  const status = document.querySelector<HTMLElement>('#register-status');
  if (!form || !table || !status) return;
  const tbody = table.tBodies[0] as HTMLTableSectionElement;
  const base = form.dataset.systemUrl ?? '';
  const siteBase = base.replace(/system\/$/, '');
  const labels = [...table.tHead!.rows[0]!.cells].map((cell) => cell.textContent?.trim() ?? '');
  let index: Promise<RegisterIndex> | undefined;
  let sort: { column: Column; descending: boolean } = { column: 'name', descending: false };
  let shown = FIRST_CHUNK;
  const loadIndex = () => (index ??= fetch(form.dataset.index as string).then((response) => response.json() as Promise<RegisterIndex>));

  for (const header of table.tHead!.rows[0]!.cells) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = header.textContent;
    header.textContent = '';
    header.append(button);
    button.addEventListener('click', () => {
      const column = header.dataset.key as Column;
      sort = { column, descending: sort.column === column ? !sort.descending : false };
      for (const cell of table.tHead!.rows[0]!.cells) cell.removeAttribute('aria-sort');
      header.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
      void render(true);
    });
  }

  const params = new URLSearchParams(location.search);
  for (const name of ['text', 'unit', 'status', 'hosting']) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const value = params.get(name);
    if (field && value) field.value = value;
  }
  form.addEventListener('input', () => void render(true));
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('reset', () => setTimeout(() => void render(true)));
  if ([...params.keys()].some((key) => ['text', 'unit', 'status', 'hosting'].includes(key))) void render(true);

  async function render(fromStart: boolean): Promise<void> {
    if (fromStart) shown = FIRST_CHUNK;
    const data = await loadIndex();
    const values = Object.fromEntries(new FormData(form!).entries()) as Record<string, string>;
    const words = (values.text ?? '').toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    const name = (holder: number) => data.holders[holder]?.[2] ?? '';
    const haystack = (row: Row) =>
      [row[1], name(row[2]), name(row[4]), name(row[5]), ...row[6].map(name), name(row[7]), row[3], row[8]]
        .join(' ')
        .toLocaleLowerCase('sv');
    const matches = data.rows.filter(
      (row) =>
        (!values.unit || name(row[2]) === values.unit) &&
        (!values.status || row[3] === values.status) &&
        (!values.hosting || row[8] === values.hosting) &&
        words.every((word) => haystack(row).includes(word)),
    );
    const key = sortKey(sort.column, name);
    matches.sort((a, b) => {
      const order =
        typeof key(a) === 'number' ? (key(a) as number) - (key(b) as number) : collator.compare(key(a) as string, key(b) as string);
      return (sort.descending ? -order : order) || collator.compare(a[1], b[1]);
    });
    const visible = matches.slice(0, shown);
    tbody.replaceChildren(...visible.map((row) => rowElement(row, data)));
    document.querySelector('#register-pagination')?.setAttribute('hidden', '');
    updateStatus(visible.length, matches.length, data.rows.length);
    updateUrl(values);
  }

  function sortKey(column: Column, name: (holder: number) => string): (row: Row) => string | number {
    switch (column) {
      case 'unit':
        return (row) => name(row[2]);
      case 'status':
        return (row) => STATUS_ORDER.indexOf(row[3]);
      case 'owner':
        return (row) => name(row[4]);
      case 'manager':
        return (row) => name(row[5]);
      case 'administrators':
        return (row) => row[6].map(name).join(', ');
      case 'operations':
        return (row) => name(row[7]);
      case 'hosting':
        return (row) => row[8];
      default:
        return (row) => row[1];
    }
  }

  function updateStatus(visible: number, matching: number, total: number): void {
    const sortedBy =
      labels[
        ['name', 'unit', 'status', 'owner', 'manager', 'administrators', 'operations', 'hosting'].indexOf(sort.column)
      ]?.toLocaleLowerCase('sv');
    status!.textContent =
      matching === 0
        ? `Inga av ${total} system matchar filtret.`
        : `Visar ${visible} av ${matching} system${matching < total ? ` som matchar filtret (av ${total})` : ''}, sorterade efter ${sortedBy}${sort.descending ? ' i omvänd ordning' : ''}.`;
    let more = document.querySelector<HTMLButtonElement>('#register-more');
    if (visible < matching) {
      if (!more) {
        more = document.createElement('button');
        more.id = 'register-more';
        more.type = 'button';
        more.className = 'secondary no-print';
        more.addEventListener('click', () => {
          shown = Number.POSITIVE_INFINITY;
          void render(false);
        });
        table!.closest('.table-wrap')!.after(more);
      }
      more.textContent = `Visa alla ${matching}`;
    } else more?.remove();
  }

  function updateUrl(values: Record<string, string>): void {
    const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value));
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
  }

  function rowElement(row: Row, data: RegisterIndex): HTMLTableRowElement {
    const tr = document.createElement('tr');
    const cell = (tag: 'th' | 'td', column: number, ...content: (Node | string)[]) => {
      const element = document.createElement(tag);
      if (tag === 'th') element.scope = 'row';
      element.dataset.label = labels[column] ?? '';
      element.append(...content);
      tr.append(element);
    };
    const link = (href: string, text: string) => {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      return a;
    };
    const holder = (number: number): Node | string => {
      const [kind, id, name] = data.holders[number] ?? ['g', '', ''];
      if (kind === 'p') return link(`${siteBase}personer/${id}/`, name);
      if (kind === 'u') return link(`${siteBase}organisation/${id}/`, name);
      return name;
    };
    const badge = document.createElement('span');
    badge.className = `badge ${statusTone(row[3])}`;
    badge.textContent = capitalize(row[3]);
    cell('th', 0, link(`${base}${row[0]}/`, row[1]));
    cell('td', 1, holder(row[2]));
    cell('td', 2, badge);
    cell('td', 3, holder(row[4]));
    cell('td', 4, holder(row[5]));
    cell('td', 5, ...row[6].flatMap((number, position) => (position === 0 ? [holder(number)] : [', ', holder(number)])));
    cell('td', 6, holder(row[7]));
    cell('td', 7, capitalize(row[8]) || '–');
    return tr;
  }
}
