import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transactionsOf } from '../../src/sandbox/data.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { type CallResult, Client, PSU_HEADERS } from './client.js';
import { aliceEur, conforms, validConsent } from './flows.js';
import { SpecValidator } from './spec-harness.js';

const day = (n = 0) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const TX = '/v1/accounts/acc-alice-eur/transactions';

describe('sandbox account reports: paging, delta access, camt.053, MT940, card accounts', () => {
  let bank: RunningSandbox;
  let client: Client;
  let consentId: string;
  beforeAll(async () => {
    bank = await startSandbox({});
    client = new Client(bank.url, new SpecValidator());
    consentId = await validConsent(client, { allPsd2: 'allAccounts' });
  });
  afterAll(() => bank.close());

  const read = (path: string, headers: Record<string, string> = {}) =>
    client.get(path, { headers: { ...PSU_HEADERS, 'Consent-ID': consentId, ...headers } }).then(conforms);
  const ids = (r: CallResult) => [...(r.json.transactions.booked ?? []), ...(r.json.transactions.pending ?? [])].map((t: { transactionId: string }) => t.transactionId);

  it('pages a long report: the links repeat the query, lead to the right pages, and no next on the last', async () => {
    const all = transactionsOf(aliceEur, day()).filter((t) => t.status === 'booked' && t.entryDate >= day(-120));
    const pages = Math.ceil(all.length / 20);
    expect(pages).toBeGreaterThanOrEqual(3);
    const first = await read(`${TX}?bookingStatus=booked&dateFrom=${day(-120)}&itemsPerPage=20`);
    const links = first.json.transactions._links;
    expect(Object.keys(links)).toEqual(['account', 'first', 'next', 'last']);
    expect(new URL(links.next.href).searchParams.get('pageIndex')).toBe('1');
    expect(new URL(links.next.href).searchParams.get('bookingStatus')).toBe('booked');
    expect(new URL(links.last.href).searchParams.get('pageIndex')).toBe(String(pages - 1));
    const seen = [...ids(first)];
    let page = first;
    while (page.json.transactions._links.next) {
      page = await read(page.json.transactions._links.next.href);
      seen.push(...ids(page));
    }
    expect(seen).toEqual(all.map((t) => t.transactionId));
    expect(page.json.transactions._links.previous).toBeDefined();
    expect(page.json.transactions._links.next).toBeUndefined();
    const beyond = await read(`${TX}?bookingStatus=booked&dateFrom=${day(-120)}&itemsPerPage=20&pageIndex=${pages}`);
    expect(beyond.status).toBe(400);
    expect(beyond.json.tppMessages[0]).toMatchObject({ code: 'FORMAT_ERROR', path: 'pageIndex' });
    expect((await read(`${TX}?bookingStatus=booked&dateFrom=${day(-120)}&itemsPerPage=0`)).status).toBe(400);
  });

  it('delta access: deltaList reports only what no earlier report showed; entryReferenceFrom what came after an entry', async () => {
    const fresh = await validConsent(client, { allPsd2: 'allAccounts' });
    const get = (q: string) => client.get(`${TX}?${q}`, { headers: { ...PSU_HEADERS, 'Consent-ID': fresh } }).then(conforms);
    const week = await get(`bookingStatus=booked&dateFrom=${day(-7)}&itemsPerPage=100`);
    const delta = await get('bookingStatus=booked&deltaList=true&itemsPerPage=100');
    const weekIds = ids(week);
    expect(ids(delta).some((id) => weekIds.includes(id))).toBe(false);
    expect(ids(delta).length).toBe(transactionsOf(aliceEur, day()).filter((t) => t.status === 'booked').length - weekIds.length);
    expect(ids(await get('bookingStatus=booked&deltaList=true'))).toEqual([]);
    const after = await get(`bookingStatus=booked&entryReferenceFrom=${weekIds[2]}`);
    expect(ids(after)).toEqual(weekIds.slice(0, 2));
    const both = await get(`bookingStatus=booked&deltaList=true&entryReferenceFrom=${weekIds[0]}`);
    expect(both.status).toBe(400);
    expect((await get('bookingStatus=booked&entryReferenceFrom=nope')).json.tppMessages[0].path).toBe('entryReferenceFrom');
  });

  it('answers camt.053 for Accept: application/xml and MT940 for text/plain, with balances that add up', async () => {
    const from = day(-30);
    const booked = transactionsOf(aliceEur, day()).filter((t) => t.status === 'booked' && t.entryDate >= from);
    const camt = await read(`${TX}?bookingStatus=booked&dateFrom=${from}`, { Accept: 'application/xml' });
    expect(camt.status).toBe(200);
    expect(camt.headers.get('content-type')).toBe('application/xml');
    expect(XMLValidator.validate(camt.text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'Ntry' || n === 'Bal' }).parse(camt.text);
    expect(doc.Document['@xmlns']).toBe('urn:iso:std:iso:20022:tech:xsd:camt.053.001.02');
    const stmt = doc.Document.BkToCstmrStmt.Stmt;
    expect(stmt.Acct.Id.IBAN).toBe(aliceEur.iban);
    expect(stmt.Ntry).toHaveLength(booked.length);
    const signed = (x: { '#text': string }, ind: string) => Math.round(Number(x['#text']) * 100) * (ind === 'DBIT' ? -1 : 1);
    const [opening, closing] = stmt.Bal as Array<{ Amt: { '#text': string }; CdtDbtInd: string }>;
    const sum = (stmt.Ntry as Array<{ Amt: { '#text': string }; CdtDbtInd: string }>).reduce((s, n) => s + signed(n.Amt, n.CdtDbtInd), 0);
    expect(signed(opening!.Amt, opening!.CdtDbtInd) + sum).toBe(signed(closing!.Amt, closing!.CdtDbtInd));

    const mt = await read(`${TX}?bookingStatus=booked&dateFrom=${from}`, { Accept: 'text/plain' });
    expect(mt.headers.get('content-type')).toBe('text/plain');
    const lines = mt.text.split('\r\n');
    expect(lines[0]).toMatch(/^:20:/);
    expect(lines).toContain(`:25:${aliceEur.iban}`);
    expect(lines.filter((l) => l.startsWith(':61:'))).toHaveLength(booked.length);
    expect(lines.some((l) => /^:60F:[CD]\d{6}EUR\d+,\d{2}$/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('-');

    const pending = await read(`${TX}?bookingStatus=both&dateFrom=${from}`, { Accept: 'application/xml' });
    expect(pending.status).toBe(400);
    expect(pending.json.tppMessages[0].code).toBe('PARAMETER_NOT_SUPPORTED');
    const pdf = await read(`${TX}?bookingStatus=booked&dateFrom=${from}`, { Accept: 'application/pdf' });
    expect(pdf.status).toBe(406);
    expect(pdf.json.tppMessages[0].code).toBe('REQUESTED_FORMATS_INVALID');
    expect((await read(`${TX}?bookingStatus=booked&dateFrom=${from}`, { Accept: 'application/pdf, application/xml;q=0.5' })).headers.get('content-type')).toBe('application/xml');
    expect((await read('/v1/accounts', { Accept: 'text/csv' })).status).toBe(406);
  });

  it('serves card accounts with masked PANs, their details, balances and transactions', async () => {
    const list = await read('/v1/card-accounts');
    expect(list.json.cardAccounts.map((c: { maskedPan: string }) => c.maskedPan)).toEqual(['525412******3241']);
    const card = list.json.cardAccounts[0];
    expect(card).toMatchObject({ resourceId: 'card-alice-visa', currency: 'EUR', creditLimit: { currency: 'EUR', amount: '3000.00' } });
    expect((await read(`/v1/card-accounts/${card.resourceId}?withBalance=true`)).json.cardAccount.balances).toHaveLength(3);
    const balances = await read(card._links.balances.href);
    expect(balances.json.balances.map((b: { balanceType: string }) => b.balanceType)).toEqual(['interimBooked', 'nonInvoiced', 'interimAvailable']);
    const txs = await read(`${card._links.transactions.href}?bookingStatus=both&dateFrom=${day(-60)}`);
    expect(txs.json.cardTransactions.booked.length).toBeGreaterThan(5);
    expect(txs.json.cardTransactions.pending.length).toBeGreaterThan(0);
    expect(txs.json.cardTransactions._links.cardAccount.href).toBe(`${bank.url}/v1/card-accounts/card-alice-visa`);
    expect(txs.json.cardTransactions.booked.some((t: { originalAmount?: { currency: string } }) => t.originalAmount?.currency === 'USD')).toBe(true);
    expect((await read(`${card._links.transactions.href}?bookingStatus=booked&dateFrom=${day(-60)}&deltaList=true`)).status).toBe(400);
    expect((await read('/v1/card-accounts/card-bob-master')).status).toBe(401);
  });

  it('counts reads without the PSU against frequencyPerDay and refuses the one too many with 429 ACCESS_EXCEEDED', async () => {
    const id = await validConsent(client, { allPsd2: 'allAccounts' }); // frequencyPerDay 4
    const unattended = () => client.get('/v1/accounts', { headers: { 'Consent-ID': id } }).then(conforms);
    for (let i = 0; i < 4; i++) expect((await unattended()).status).toBe(200);
    const exceeded = await unattended();
    expect(exceeded.status).toBe(429);
    expect(exceeded.json.tppMessages[0].code).toBe('ACCESS_EXCEEDED');
    expect((await client.get('/v1/accounts', { headers: { ...PSU_HEADERS, 'Consent-ID': id } }).then(conforms)).status).toBe(200);
  });
});
