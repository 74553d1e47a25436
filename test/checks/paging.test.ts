import { beforeAll, describe, expect, it } from 'vitest';
import { bundled } from '../../src/paths.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';
import { BASE, exchange, judgeInOrder } from './exchanges.js';

const PATH = '/v1/accounts/a1/transactions';
const QUERY = 'bookingStatus=booked&dateFrom=2026-01-01&itemsPerPage=2';
const url = (page: number, query = QUERY) => `${BASE}${PATH}?${query}&pageIndex=${page}`;
const tx = (id: string) => ({ transactionId: id, transactionAmount: { currency: 'EUR', amount: '-1.00' } });

/** Page `page` of a report of `last + 1` pages, with the given links. */
function page(index: number, ids: string[], links: Record<string, string>) {
  return exchange({
    path: `${PATH}?${QUERY}${index ? `&pageIndex=${index}` : ''}`,
    requestHeaders: { 'consent-id': 'c-1' },
    body: { account: { iban: 'DE09123456780123456701' }, transactions: { booked: ids.map(tx), _links: { account: { href: '/v1/accounts/a1' }, ...Object.fromEntries(Object.entries(links).map(([k, v]) => [k, { href: v }])) } } },
  });
}

describe('links.paging', () => {
  let spec: Spec;
  beforeAll(async () => {
    spec = await loadSpec(bundled.spec());
  });
  const judge = (...exchanges: ReturnType<typeof exchange>[]) => judgeInOrder(spec, exchanges, 'links.paging').map((fs) => fs.map((f) => f.message));

  it('passes links that lead to the first, neighbouring and last pages, and pages that do not overlap', () => {
    expect(
      judge(
        page(0, ['t1', 't2'], { first: url(0), next: url(1), last: url(2) }),
        page(1, ['t3', 't4'], { first: url(0), previous: url(0), next: url(2), last: url(2) }),
        page(2, ['t5'], { first: url(0), previous: url(1), last: url(2) }),
      ).flat(),
    ).toEqual([]);
    // a single page needs no paging links and is not judged
    expect(judge(page(0, ['t1'], {})).flat()).toEqual([]);
  });

  it('finds a next link on the last page, and a previous link on the first', () => {
    expect(judge(page(2, ['t5'], { first: url(0), previous: url(1), next: url(3), last: url(2) }))[0]).toEqual(['the last page (2) has a next link to page 3']);
    expect(judge(page(0, ['t1', 't2'], { first: url(0), previous: url(0), next: url(1), last: url(2) }))[0]).toEqual(['the first page has a previous link']);
  });

  it('finds links to the wrong page, a missing next link and links to another report', () => {
    expect(judge(page(1, ['t3', 't4'], { first: url(1), previous: url(2), next: url(1), last: url(2) }))[0]).toEqual([
      'the first link leads to page 1, not to page 0',
      'the previous link of page 1 leads to page 2',
      'the next link of page 1 leads to page 1',
    ]);
    expect(judge(page(0, ['t1', 't2'], { first: url(0), last: url(2) }))[0]).toEqual(['page 0 has no next link although the last page is 2']);
    expect(judge(page(0, ['t1', 't2'], { first: url(0), next: url(1, 'bookingStatus=both&dateFrom=2026-01-01&itemsPerPage=2'), last: url(2) }))[0]).toEqual([
      'the next link changes bookingStatus from booked to both: it leads to another report',
    ]);
  });

  it('across pages: finds a page that repeats entries of its neighbour, and a next link that led past the end', () => {
    const repeated = judge(
      page(0, ['t1', 't2'], { first: url(0), next: url(1), last: url(2) }),
      page(1, ['t2', 't3'], { first: url(0), previous: url(0), next: url(2), last: url(2) }),
    );
    expect(repeated[1]).toEqual(['page 1 repeats 1 entry of page 0']);
    const pastTheEnd = judge(page(0, ['t1', 't2'], { next: url(1) }), page(1, [], { previous: url(0) }));
    expect(pastTheEnd[1]).toEqual(['page 1 is empty: the next link of page 0 led past the end of the report']);
  });
});
