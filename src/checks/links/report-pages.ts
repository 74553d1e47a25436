/**
 * Pages of account reports (transaction lists of payment and card accounts): where the report and
 * its paging links are in a body, which page a URL asks for, and the facts learned about each page.
 */
import { headerOf, type Exchange } from '../../http/exchange.js';
import type { CheckContext } from '../check.js';
import { type Observations, REPORT_PAGES } from '../observations.js';

/** The report-carrying operations and the body field holding the report. */
export const REPORT_FIELDS: Readonly<Record<string, string>> = {
  getTransactionList: 'transactions',
  getCardAccountTransactionList: 'cardTransactions',
};

export const PAGING_LINKS = ['first', 'previous', 'next', 'last'] as const;
export type PagingLink = (typeof PAGING_LINKS)[number];

/** Query parameters that choose a page rather than the report. */
const PAGE_PARAMS = new Set(['pageindex']);
const ENTRY_LISTS = ['booked', 'pending', 'information'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface ReportPage {
  links: Record<string, unknown>;
  /** The ids of the page's entries (transactionId, entryReference or cardTransactionId). */
  entryIds: string[];
}

export function reportOf(operationId: string | undefined, body: unknown): ReportPage | undefined {
  const field = operationId ? REPORT_FIELDS[operationId] : undefined;
  if (!field || !isObject(body) || !isObject(body[field])) return undefined;
  const report = body[field] as Record<string, unknown>;
  const entryIds = ENTRY_LISTS.flatMap((name) => (Array.isArray(report[name]) ? (report[name] as unknown[]) : [])).map((e) => {
    const entry = isObject(e) ? e : {};
    const id = entry['transactionId'] ?? entry['entryReference'] ?? entry['cardTransactionId'];
    return typeof id === 'string' ? id : JSON.stringify(e);
  });
  return { links: isObject(report['_links']) ? report['_links'] : {}, entryIds };
}

/** The href of a link object, resolved against the URL of the request that got it. */
export function hrefOf(link: unknown, requestUrl: string): URL | undefined {
  const href = isObject(link) ? link['href'] : undefined;
  if (typeof href !== 'string' || href === '') return undefined;
  try {
    return new URL(href, requestUrl);
  } catch {
    return undefined;
  }
}

/** The pageIndex a URL asks for; undefined when it names none (or not a number). */
export function pageIndexOf(url: URL): number | undefined {
  const raw = [...url.searchParams].find(([k]) => k.toLowerCase() === 'pageindex')?.[1];
  return raw !== undefined && /^[0-9]+$/.test(raw) ? Number(raw) : undefined;
}

/** The report's own query (everything but the page choice), for comparing links with their request. */
export function reportQueryOf(url: URL): Map<string, string> {
  return new Map([...url.searchParams].filter(([k]) => !PAGE_PARAMS.has(k.toLowerCase())).map(([k, v]) => [k, v]));
}

/** One report, whichever page: the consent, the path and the report's own query. */
export function reportKey(ex: Exchange): string | undefined {
  let url: URL;
  try {
    url = new URL(ex.request.url);
  } catch {
    return undefined;
  }
  const query = [...reportQueryOf(url)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${headerOf(ex.request.headers, 'consent-id') ?? ''} ${url.pathname}?${new URLSearchParams(query)}`;
}

function learnReportPages(ex: Exchange, ctx: CheckContext, store: Observations): void {
  if (ex.response?.status !== 200) return;
  const page = reportOf(ctx.match?.operation.operationId, ctx.responseJson);
  const key = reportKey(ex);
  if (!page || !key) return;
  const index = pageIndexOf(new URL(ex.request.url)) ?? 0;
  const known = store.get(REPORT_PAGES, key) ?? { pages: new Map<number, string[]>(), withNext: new Set<number>() };
  known.pages.set(index, page.entryIds);
  if (hrefOf(page.links['next'], ex.request.url)) known.withNext.add(index);
  store.set(REPORT_PAGES, key, known);
}

export const reportLearners = [learnReportPages];
