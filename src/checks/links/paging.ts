import { defineCheck, verdict, type Verdict } from '../check.js';
import { REPORT_PAGES } from '../observations.js';
import { PAGING_LINKS, type PagingLink, hrefOf, pageIndexOf, reportKey, reportOf, reportQueryOf } from './report-pages.js';

/**
 * The paging links of an account report lead where their names say: first to page 0, previous and
 * next to the neighbouring pages, last to the last page; no previous on the first page and no next
 * on the last; and they keep the report's query. Across exchanges: neighbouring pages share no
 * entries, and a next link never leads to an empty page.
 */
export default defineCheck({
  id: 'links.paging',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §6 (account reports: the first, previous, next and last links of a paged report), 1.3.9+ pageIndex/itemsPerPage',
  description: 'The first/previous/next/last links of a paged account report really lead to the first, neighbouring and last pages.',
  appliesTo(ex, ctx) {
    if (ex.response?.status !== 200) return false;
    const page = reportOf(ctx.match?.operation.operationId, ctx.responseJson);
    return page !== undefined && (PAGING_LINKS.some((n) => page.links[n] !== undefined) || (pageIndexOf(new URL(ex.request.url)) ?? 0) > 0);
  },
  judge(ex, ctx) {
    const page = reportOf(ctx.match!.operation.operationId, ctx.responseJson)!;
    const request = new URL(ex.request.url);
    const current = pageIndexOf(request) ?? 0;
    const out: Verdict[] = [];
    const at: Partial<Record<PagingLink, number>> = {};
    const evidence = { page: current, links: Object.fromEntries(PAGING_LINKS.filter((n) => page.links[n]).map((n) => [n, (page.links[n] as { href?: unknown }).href])) };
    const expectedQuery = reportQueryOf(request);
    for (const name of PAGING_LINKS) {
      const url = hrefOf(page.links[name], ex.request.url);
      if (!url) continue;
      const index = pageIndexOf(url);
      if (index !== undefined) at[name] = index;
      for (const [key, value] of expectedQuery) {
        const got = url.searchParams.get(key);
        if (got !== value) out.push(verdict(`the ${name} link changes ${key} from ${value} to ${got ?? '(none)'}: it leads to another report`, evidence));
      }
    }
    if (at.first !== undefined && at.first !== 0) out.push(verdict(`the first link leads to page ${at.first}, not to page 0`, evidence));
    if (page.links['previous'] !== undefined && current === 0) out.push(verdict('the first page has a previous link', evidence));
    else if (at.previous !== undefined && at.previous !== current - 1) out.push(verdict(`the previous link of page ${current} leads to page ${at.previous}`, evidence));
    if (at.last !== undefined && at.last < current) out.push(verdict(`the last link leads to page ${at.last}, before this page ${current}`, evidence));
    const onLast = at.last !== undefined && current >= at.last;
    if (page.links['next'] !== undefined && onLast) out.push(verdict(`the last page (${current}) has a next link${at.next !== undefined ? ` to page ${at.next}` : ''}`, evidence));
    else if (at.next !== undefined && at.next !== current + 1) out.push(verdict(`the next link of page ${current} leads to page ${at.next}`, evidence));
    if (page.links['next'] === undefined && at.last !== undefined && current < at.last) {
      out.push(verdict(`page ${current} has no next link although the last page is ${at.last}`, evidence));
    }
    const key = reportKey(ex);
    const seen = key ? ctx.observations.get(REPORT_PAGES, key) : undefined;
    if (seen) {
      for (const neighbour of [current - 1, current + 1]) {
        const ids = seen.pages.get(neighbour);
        const repeated = ids ? page.entryIds.filter((id) => ids.includes(id)) : [];
        if (repeated.length) out.push(verdict(`page ${current} repeats ${repeated.length} entr${repeated.length === 1 ? 'y' : 'ies'} of page ${neighbour}`, { ...evidence, repeated: repeated.slice(0, 5) }));
      }
      if (current > 0 && page.entryIds.length === 0 && seen.withNext.has(current - 1)) {
        out.push(verdict(`page ${current} is empty: the next link of page ${current - 1} led past the end of the report`, evidence));
      }
    }
    return out;
  },
});
