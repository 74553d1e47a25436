/**
 * Paging of account reports (pageIndex, itemsPerPage; 1.3.9 and later): the slice of one page and
 * the first / previous / next / last links, each repeating the request's query with its pageIndex.
 */
import type { RequestContext } from './context.js';
import { formatError } from './errors.js';
import { type Href, href } from './links.js';

/** Entries per page when the TPP does not say. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  index: number;
  size: number;
}

function integerQuery(ctx: RequestContext, name: string, min: number, max: number): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === null) return undefined;
  if (!/^[0-9]{1,6}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw formatError(`Query parameter ${name} must be an integer from ${min} to ${max}`, name);
  }
  return Number(raw);
}

export function pageRequest(ctx: RequestContext): PageRequest {
  return {
    index: integerQuery(ctx, 'pageIndex', 0, 999_999) ?? 0,
    size: integerQuery(ctx, 'itemsPerPage', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
  };
}

export interface Page<T> {
  items: T[];
  links: Record<string, Href>;
}

/** One page of `entries` and its paging links (none when everything fits on one page). */
export function pageOf<T>(ctx: RequestContext, path: string, entries: T[], page: PageRequest): Page<T> {
  const last = Math.max(0, Math.ceil(entries.length / page.size) - 1);
  if (page.index > last) throw formatError(`pageIndex ${page.index} lies beyond the last page (${last})`, 'pageIndex');
  const items = entries.slice(page.index * page.size, (page.index + 1) * page.size);
  if (last === 0) return { items, links: {} };
  const to = (index: number): Href => {
    const query = new URLSearchParams(ctx.query);
    query.set('pageIndex', String(index));
    query.set('itemsPerPage', String(page.size));
    return href(ctx, `${path}?${query}`);
  };
  const links: Record<string, Href> = { first: to(0) };
  if (page.index > 0) links.previous = to(page.index - 1);
  if (page.index < last || ctx.env.defects.has('paging-next-on-last-page')) links.next = to(page.index + 1);
  links.last = to(last);
  return { items, links };
}
