import { beforeAll, describe, expect, it } from 'vitest';
import { bundled } from '../../src/paths.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';
import { exchange, judgeInOrder } from './exchanges.js';

const camt = (root: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${root}`;
const CAMT053 = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02';
const report = (body: string, contentType = 'application/xml') =>
  exchange({ path: '/v1/accounts/a1/transactions?bookingStatus=booked&dateFrom=2026-01-01', requestHeaders: { 'consent-id': 'c-1', accept: 'application/xml' }, body, contentType });

describe('response.xml-wellformed', () => {
  let spec: Spec;
  beforeAll(async () => {
    spec = await loadSpec(bundled.spec());
  });
  const judge = (...exchanges: ReturnType<typeof exchange>[]) => judgeInOrder(spec, exchanges, 'response.xml-wellformed').map((fs) => fs.map((f) => f.message));

  it('passes camt.052/053/054 reports in their namespace, with a prefix or without', () => {
    expect(judge(report(camt(`<Document xmlns="${CAMT053}"><BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>`))).flat()).toEqual([]);
    expect(judge(report(camt(`<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.052.001.08"><c:BkToCstmrAcctRpt/></c:Document>`), 'text/xml')).flat()).toEqual([]);
  });

  it('finds XML that is not well-formed, naming line and column', () => {
    const [found] = judge(report(camt(`<Document xmlns="${CAMT053}">\n<BkToCstmrStmt></Document>`)));
    expect(found).toHaveLength(1);
    expect(found![0]).toMatch(/^the XML body is not well-formed: .* \(line 3, column \d+\)$/);
  });

  it('finds a missing or foreign namespace, a wrong root and a message that does not fit the operation or the namespace', () => {
    expect(judge(report(camt('<Document><BkToCstmrStmt/></Document>')))[0]).toEqual(['Document has no namespace, not an ISO 20022 one (urn:iso:std:iso:20022:tech:xsd:…)']);
    expect(judge(report(camt('<Document xmlns="http://example.com/statements"><BkToCstmrStmt/></Document>')))[0]![0]).toContain('the namespace http://example.com/statements');
    expect(judge(report(camt(`<Statement xmlns="${CAMT053}"/>`)))[0]).toEqual(['the root element is Statement, not Document']);
    expect(judge(report(camt(`<Document xmlns="${CAMT053}"><CstmrCdtTrfInitn/></Document>`)))[0]).toEqual([
      'Document holds CstmrCdtTrfInitn, not BkToCstmrAcctRpt or BkToCstmrStmt or BkToCstmrDbtCdtNtfctn',
    ]);
    expect(judge(report(camt(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrStmt/></Document>`)))[0]).toEqual([
      'Document holds BkToCstmrStmt (camt.053) but its namespace is urn:iso:std:iso:20022:tech:xsd:camt.054.001.02',
    ]);
  });

  it('judges a pain.001 payment read as a pain.001, and leaves JSON alone', () => {
    const payment = (xml: string) => exchange({ path: '/v1/payments/pain.001-sepa-credit-transfers/p1', body: xml, contentType: 'application/xml' });
    expect(judge(payment(camt('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>'))).flat()).toEqual([]);
    expect(judge(payment(camt(`<Document xmlns="${CAMT053}"><CstmrCdtTrfInitn/></Document>`)))[0]![0]).toContain('(pain.001) but its namespace');
    expect(judge(exchange({ path: '/v1/consents/c1/status', body: { consentStatus: 'valid' } })).flat()).toEqual([]);
  });
});
