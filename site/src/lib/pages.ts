/** Rows per register page: about 30 KB of HTML, so the first page stays small at any register size. */
export const REGISTER_PAGE_SIZE = 100;
/** Rows per page on the other long lists (people, council members). */
export const LIST_PAGE_SIZE = 200;

function pageCount(items: number, size: number): number {
  return Math.max(1, Math.ceil(items / size));
}

export interface Paginated<T> {
  items: T[];
  page: number;
  /** Number of pages, at least 1. */
  count: number;
  /** Positions (from 1) of the first and last item on the page. */
  first: number;
  last: number;
}

/** One page of a list: every paginated list on the site goes through this. */
export function paginate<T>(items: readonly T[], page: number, size: number): Paginated<T> {
  return {
    items: items.slice((page - 1) * size, page * size),
    page,
    count: pageCount(items.length, size),
    first: Math.min((page - 1) * size + 1, items.length),
    last: Math.min(page * size, items.length),
  };
}

/** getStaticPaths for pages 2, 3, … of a list; page 1 is the list's own index page. */
export function laterPages(items: number, size: number): { params: { page: string } }[] {
  return Array.from({ length: pageCount(items, size) - 1 }, (_, index) => ({ params: { page: String(index + 2) } }));
}

/**
 * Page numbers to link: the first, the last and two on each side of the
 * current one, with gaps ('…') between. Constant size at any page count.
 */
export function paginationItems(page: number, count: number): (number | '…')[] {
  const wanted = new Set([1, count, page - 2, page - 1, page, page + 1, page + 2].filter((number) => number >= 1 && number <= count));
  const numbers = [...wanted].sort((a, b) => a - b);
  const items: (number | '…')[] = [];
  numbers.forEach((number, index) => {
    if (index > 0 && number - (numbers[index - 1] as number) > 1) items.push('…');
    items.push(number);
  });
  return items;
}
