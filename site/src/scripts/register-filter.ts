// Progressive enhancement of the register page: filter by text and by the
// form's selects, and sort by any column with Swedish collation, over every
// system (not just the rows on this page). The columns come from the table's
// own headers (data-key, data-kind), made from the one column definition in
// src/core/views/register-columns.ts; rows are objects keyed by column.
// Rows are built with DOM methods and textContent, never innerHTML, so
// register text is always inert.
import type { RegisterIndex, TableKind } from '../lib/core.ts';
import { statusTone, SYSTEM_STATUSES } from '../lib/status.ts';
import { capitalize, foldText, swedishCollator as collator } from '../lib/text.ts';

const STATUS_ORDER: readonly string[] = SYSTEM_STATUSES;
const FIRST_CHUNK = 200;

type Value = string | number | number[];
type Row = { id: string } & Record<string, Value>;
interface Column {
  key: string;
  kind: TableKind;
  label: string;
}

/** The register as the script holds it after the first filter: rows, and each row's text folded once. */
interface LoadedIndex {
  data: RegisterIndex;
  rows: Row[];
  /** Case, å/ä/ö and accents folded away ("ahlberg" finds Åhlberg, "lon" Lönesystem). */
  haystacks: string[];
}

interface RegisterView {
  form: HTMLFormElement;
  table: HTMLTableElement;
  status: HTMLElement;
  columns: Column[];
  /** Where the links in the rows lead: the system pages, and the site for people and units. */
  systemBase: string;
  siteBase: string;
  load: () => Promise<LoadedIndex>;
  sort: { column: Column; descending: boolean };
  shown: number;
}

export function enhanceRegister(): void {
  const form = document.querySelector<HTMLFormElement>('#register-filters');
  const table = document.querySelector<HTMLTableElement>('#register-table');
  const status = document.querySelector<HTMLElement>('#register-status');
  if (!form || !table || !status) return;
  const headers = [...table.tHead!.rows[0]!.cells];
  const columns: Column[] = headers.map((cell) => ({
    key: cell.dataset.key ?? '',
    kind: (cell.dataset.kind ?? 'text') as TableKind,
    label: cell.textContent?.replace(/\u00AD/g, '').trim() ?? '',
  }));
  const systemBase = form.dataset.systemUrl ?? '';
  let index: Promise<LoadedIndex> | undefined;
  const view: RegisterView = {
    form,
    table,
    status,
    columns,
    systemBase,
    siteBase: systemBase.replace(/system\/$/, ''),
    load: () => (index ??= loadIndex(form.dataset.index as string, columns)),
    sort: { column: columns[0] as Column, descending: false },
    shown: FIRST_CHUNK,
  };
  addSortButtons(view, headers);
  const filterNames = [...form.elements].map((element) => (element as HTMLInputElement).name).filter(Boolean);
  const params = new URLSearchParams(location.search);
  for (const name of filterNames) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const value = params.get(name);
    if (field && value) field.value = value;
  }
  form.addEventListener('input', () => void render(view, true));
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('reset', () => setTimeout(() => void render(view, true)));
  if ([...params.keys()].some((key) => filterNames.includes(key))) void render(view, true);
}

async function loadIndex(url: string, columns: readonly Column[]): Promise<LoadedIndex> {
  const data = (await (await fetch(url)).json()) as RegisterIndex;
  const rows = data.ids.map((id, row) => rowAt(data, id, row));
  const haystacks = rows.map((row, position) => foldText(`${columns.map((column) => textOf(data, column, row)).join(' ')} ${data.search[position] ?? ''}`));
  return { data, rows, haystacks };
}

function addSortButtons(view: RegisterView, headers: HTMLTableCellElement[]): void {
  headers.forEach((header, position) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = header.textContent;
    header.textContent = '';
    header.append(button);
    button.addEventListener('click', () => {
      const column = view.columns[position] as Column;
      view.sort = { column, descending: view.sort.column === column ? !view.sort.descending : false };
      for (const cell of headers) cell.removeAttribute('aria-sort');
      header.setAttribute('aria-sort', view.sort.descending ? 'descending' : 'ascending');
      void render(view, true);
    });
  });
}

async function render(view: RegisterView, fromStart: boolean): Promise<void> {
  if (fromStart) view.shown = FIRST_CHUNK;
  const { data, rows, haystacks } = await view.load();
  const values = Object.fromEntries(new FormData(view.form).entries()) as Record<string, string>;
  const words = foldText(values.text ?? '').split(/\s+/).filter(Boolean);
  const selects = view.columns.filter((column) => column.key !== 'text' && values[column.key]);
  const matches = rows.filter(
    (row, position) =>
      selects.every((column) => textOf(data, column, row) === values[column.key]) && words.every((word) => (haystacks[position] as string).includes(word)),
  );
  sortRows(matches, data, view.sort);
  const visible = matches.slice(0, view.shown);
  view.table.tBodies[0]!.replaceChildren(...visible.map((row) => rowElement(view, row, data)));
  document.querySelector('#register-pagination')?.setAttribute('hidden', '');
  updateStatus(view, visible.length, matches.length, rows.length);
  const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value));
  history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
}

function sortRows(rows: Row[], data: RegisterIndex, sort: RegisterView['sort']): void {
  const key = (row: Row) => (sort.column.kind === 'status' ? STATUS_ORDER.indexOf(String(row[sort.column.key])) : textOf(data, sort.column, row));
  rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const order = typeof x === 'number' ? x - (y as number) : collator.compare(x, y as string);
    return (sort.descending ? -order : order) || collator.compare(String(a.name), String(b.name));
  });
}

function updateStatus(view: RegisterView, visible: number, matching: number, total: number): void {
  const sortedBy = view.sort.column.label.toLocaleLowerCase('sv');
  view.status.textContent =
    matching === 0
      ? `Inga av ${total} system matchar filtret.`
      : `Visar ${visible} av ${matching} system${matching < total ? ` som matchar filtret (av ${total})` : ''}, sorterade efter ${sortedBy}${view.sort.descending ? ' i omvänd ordning' : ''}.`;
  let more = document.querySelector<HTMLButtonElement>('#register-more');
  if (visible >= matching) {
    more?.remove();
    return;
  }
  if (!more) {
    more = document.createElement('button');
    more.id = 'register-more';
    more.type = 'button';
    more.className = 'secondary no-print';
    more.addEventListener('click', () => {
      view.shown = Number.POSITIVE_INFINITY;
      void render(view, false);
    });
    view.table.closest('.table-wrap')!.after(more);
  }
  more.textContent = `Visa alla ${matching}`;
}

function rowElement(view: RegisterView, row: Row, data: RegisterIndex): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const link = (href: string, text: string) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  };
  const holder = (number: number): Node | string => {
    const [kind, id, name] = data.holders[number] ?? ['g', '', ''];
    if (kind === 'p') return link(`${view.siteBase}personer/${id}/`, name);
    if (kind === 'u') return link(`${view.siteBase}organisation/${id}/`, name);
    return name;
  };
  for (const column of view.columns) {
    const value = row[column.key];
    const cell = document.createElement(column.kind === 'link' ? 'th' : 'td');
    if (column.kind === 'link') (cell as HTMLTableCellElement).scope = 'row';
    cell.dataset.label = column.label;
    if (column.kind === 'link') cell.append(link(`${view.systemBase}${row.id}/`, String(value)));
    else if (column.kind === 'holder') cell.append(holder(value as number));
    else if (column.kind === 'holders') cell.append(...(value as number[]).flatMap((number, position) => (position === 0 ? [holder(number)] : [', ', holder(number)])));
    else if (column.kind === 'status') {
      const badge = document.createElement('span');
      badge.className = `badge ${statusTone(String(value))}`;
      badge.textContent = capitalize(String(value));
      cell.append(badge);
    } else cell.append(capitalize(String(value)) || '–');
    tr.append(cell);
  }
  return tr;
}

/** A cell's text: holder numbers become names. */
function textOf(data: RegisterIndex, column: Column, row: Row): string {
  const value = row[column.key];
  const name = (holder: number) => data.holders[holder]?.[2] ?? '';
  if (column.kind === 'holder') return name(value as number);
  if (column.kind === 'holders') return (value as number[]).map(name).join(', ');
  return String(value ?? '');
}

function rowAt(data: RegisterIndex, id: string, row: number): Row {
  const result: Row = { id };
  for (const [key, values] of Object.entries(data.columns)) result[key] = values[row] as Value;
  return result;
}
