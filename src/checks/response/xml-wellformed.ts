import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { headerOf, mediaTypeOf } from '../../http/exchange.js';
import { defineCheck, verdict } from '../check.js';

const ISO20022 = 'urn:iso:std:iso:20022:tech:xsd:';

/** The ISO 20022 message each XML-answering operation sends, by its message element under Document. */
const MESSAGES: Readonly<Record<string, Record<string, string>>> = {
  getTransactionList: { BkToCstmrAcctRpt: 'camt.052', BkToCstmrStmt: 'camt.053', BkToCstmrDbtCdtNtfctn: 'camt.054' },
  getPaymentInformation: { CstmrCdtTrfInitn: 'pain.001' },
  getPaymentInitiationStatus: { CstmrPmtStsRpt: 'pain.002' },
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });

export function isXmlMediaType(media: string | undefined): boolean {
  return media === 'application/xml' || media === 'text/xml' || (media?.endsWith('+xml') ?? false);
}

/**
 * An XML body (camt.05x account report, pain.001 payment, pain.002 status report) is well-formed,
 * has the Document root with the message the operation sends, and that message's ISO 20022
 * namespace (urn:iso:std:iso:20022:tech:xsd:camt.053.001.xx and so on).
 */
export default defineCheck({
  id: 'response.xml-wellformed',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §6 (camt.052/053/054 account reports), §5 (pain.001 / pain.002): ISO 20022 XML messages with their namespace',
  description: 'An XML response body is well-formed, with the Document root, the expected ISO 20022 message and its namespace.',
  appliesTo: (ex) => ex.response !== undefined && ex.response.body.trim() !== '' && isXmlMediaType(mediaTypeOf(headerOf(ex.response.headers, 'content-type'))),
  judge(ex, ctx) {
    const body = ex.response!.body;
    const check = XMLValidator.validate(body);
    if (check !== true) {
      return [verdict(`the XML body is not well-formed: ${check.err.msg} (line ${check.err.line}, column ${check.err.col})`, { line: check.err.line, column: check.err.col })];
    }
    const doc = parser.parse(body) as Record<string, unknown>;
    const roots = Object.keys(doc).filter((k) => !k.startsWith('?'));
    const root = roots[0] ?? '';
    const [prefix, local] = root.includes(':') ? root.split(':', 2) as [string, string] : ['', root];
    if (roots.length !== 1 || local !== 'Document') return [verdict(`the root element is ${roots.join(', ') || 'missing'}, not Document`, { roots })];
    const element = (doc[root] ?? {}) as Record<string, unknown>;
    const namespace = element[prefix ? `@xmlns:${prefix}` : '@xmlns'];
    const children = Object.keys(element).filter((k) => !k.startsWith('@') && k !== '#text').map((k) => (k.includes(':') ? k.split(':')[1]! : k));
    const expected = ctx.match ? MESSAGES[ctx.match.operation.operationId] : undefined;
    const message = children[0];
    if (expected && (children.length !== 1 || !message || !(message in expected))) {
      return [verdict(`Document holds ${children.join(', ') || 'nothing'}, not ${Object.keys(expected).join(' or ')}`, { children })];
    }
    if (typeof namespace !== 'string' || !namespace.startsWith(ISO20022)) {
      return [verdict(`Document has ${typeof namespace === 'string' ? `the namespace ${namespace}` : 'no namespace'}, not an ISO 20022 one (${ISO20022}…)`, { namespace: namespace ?? null })];
    }
    const family = expected && message ? expected[message] : undefined;
    if (family && !new RegExp(`^${ISO20022.replace(/[.]/g, '\\.')}${family.replace('.', '\\.')}\\.001\\.[0-9]{2}$`).test(namespace)) {
      return [verdict(`Document holds ${message} (${family}) but its namespace is ${namespace}`, { namespace, message })];
    }
    return [];
  },
});
