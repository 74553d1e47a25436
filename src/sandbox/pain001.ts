/**
 * Reading an ISO 20022 pain.001 customer credit transfer initiation (versions .03 and .09) for the
 * "pain.001-" payment products: well-formedness, the Document/CstmrCdtTrfInitn root and its
 * namespace, the group header's counts and control sum, accounts and amounts under the product's
 * rules. Every problem is a FORMAT_ERROR (or EXECUTION_DATE_INVALID) naming the element.
 * The result is the payment in the JSON model, so the rest of the bank treats both formats alike.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isIsoDate } from './dates.js';
import { formatError } from './errors.js';
import { isValidIban } from './iban.js';
import { CURRENCY_PATTERN } from './money.js';
import { type ProductRules, checkExecutionDate, checkTransfer } from './payment-rules.js';
import { Issues, type Json, isObject } from './validation.js';

export const PAIN001_NAMESPACES: Readonly<Record<string, string>> = {
  'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03': '03',
  'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09': '09',
};

const IBAN = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/;
const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;
const BBAN = /^[a-zA-Z0-9]{1,30}$/;
const DECIMAL = /^[0-9]{1,15}(\.[0-9]{1,5})?$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['PmtInf', 'CdtTrfTxInf', 'Ustrd'].includes(name),
});

/** The credit transfers of a pain.001 in the JSON model, with the debtor side and the requested date. */
export interface Pain001Content {
  version: '03' | '09';
  debtorAccount: Json;
  debtorName?: string;
  debtorIban?: string;
  requestedExecutionDate?: string;
  /** The date when it lies after today. */
  futureDate?: string;
  batchBookingPreferred?: boolean;
  transfers: Json[];
}

/** A reader that walks the parsed document and records problems with their element paths. */
class Reader {
  readonly issues = new Issues();

  text(node: unknown, path: string, required: boolean, max?: number): string | undefined {
    const value = isObject(node) ? node['#text'] : node;
    if (value === undefined || value === '' || isObject(value)) {
      if (required) this.issues.add(path, `${path} is missing`);
      return undefined;
    }
    const text = String(value);
    if (max !== undefined && text.length > max) return void this.issues.add(path, `${path} is longer than ${max} characters`);
    return text;
  }

  child(node: unknown, name: string, path: string, required: boolean): Json | undefined {
    const value = isObject(node) ? node[name] : undefined;
    if (value === undefined) {
      if (required) this.issues.add(`${path}.${name}`, `${path}.${name} is missing`);
      return undefined;
    }
    return isObject(value) ? value : { '#text': value };
  }

  /** A descendant by a dotted path of element names. */
  at(node: unknown, names: string, path: string, required: boolean): Json | undefined {
    let cur: Json | undefined = isObject(node) ? node : undefined;
    let where = path;
    for (const name of names.split('.')) {
      cur = this.child(cur, name, where, required);
      if (!cur) return undefined;
      where = `${where}.${name}`;
    }
    return cur;
  }

  iban(node: unknown, path: string, required: boolean): string | undefined {
    const iban = this.text(node, path, required);
    if (iban === undefined) return undefined;
    if (!IBAN.test(iban) || !isValidIban(iban)) return void this.issues.add(path, `${path} is not a valid IBAN`);
    return iban;
  }

  bic(agent: Json | undefined, path: string): string | undefined {
    const fin = this.child(agent, 'FinInstnId', path, false);
    const name = fin && fin['BICFI'] !== undefined ? 'BICFI' : 'BIC';
    const bic = this.text(fin?.[name], `${path}.FinInstnId.${name}`, false);
    if (bic !== undefined && !BIC.test(bic)) return void this.issues.add(`${path}.FinInstnId.${name}`, `${path}.FinInstnId.${name} is not a BIC`);
    return bic;
  }
}

function wellFormed(text: string): Json {
  const check = XMLValidator.validate(text);
  if (check !== true) {
    throw formatError(`The pain.001 body is not well-formed XML: ${check.err.msg} (line ${check.err.line}, column ${check.err.col})`, 'body');
  }
  let doc: Json;
  try {
    doc = parser.parse(text) as Json;
  } catch (err) {
    // Well-formed, but not what the parser will read: an external entity in a DOCTYPE, for one.
    throw formatError(`The pain.001 body cannot be read: ${(err as Error).message}`, 'body');
  }
  const roots = Object.keys(doc).filter((k) => !k.startsWith('?'));
  if (roots.length !== 1 || roots[0] !== 'Document') {
    throw formatError(`The root element must be Document, not ${roots.join(', ') || 'nothing'}`, 'Document');
  }
  return isObject(doc.Document) ? doc.Document : {};
}

function address(r: Reader, cdtr: Json | undefined, path: string): Json | undefined {
  const adr = r.child(cdtr, 'PstlAdr', path, false);
  if (!adr) return undefined;
  const at = `${path}.PstlAdr`;
  const country = r.text(adr['Ctry'], `${at}.Ctry`, true);
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) r.issues.add(`${at}.Ctry`, `${at}.Ctry must be an ISO 3166 two-letter code`);
  const fields: Array<[string, string, number]> = [['streetName', 'StrtNm', 70], ['buildingNumber', 'BldgNb', 16], ['postCode', 'PstCd', 16], ['townName', 'TwnNm', 35]];
  const out: Json = {};
  for (const [key, element, max] of fields) {
    const v = r.text(adr[element], `${at}.${element}`, false, max);
    if (v !== undefined) out[key] = v;
  }
  if (country !== undefined) out.country = country;
  return out;
}

function creditorAccount(r: Reader, tx: Json, path: string, rules: ProductRules): Json | undefined {
  const id = r.at(tx, 'CdtrAcct.Id', path, true);
  if (!id) return undefined;
  const at = `${path}.CdtrAcct.Id`;
  if (id['IBAN'] !== undefined) {
    const iban = r.iban(id['IBAN'], `${at}.IBAN`, true);
    return iban ? { iban } : undefined;
  }
  const other = r.text(r.child(id, 'Othr', at, false)?.['Id'], `${at}.Othr.Id`, false);
  if (other === undefined) return void r.issues.add(at, `${at} must hold IBAN or Othr/Id`);
  if (!rules.creditorIdentifiers.includes('bban')) return void r.issues.add(`${at}.Othr.Id`, `${rules.label} needs the creditor's IBAN at ${at}.IBAN`);
  if (!BBAN.test(other)) return void r.issues.add(`${at}.Othr.Id`, `${at}.Othr.Id is not an account number`);
  return { bban: other };
}

function transfer(r: Reader, tx: Json, path: string, rules: ProductRules): { data: Json; cents: number } {
  const data: Json = {};
  const put = (k: string, v: unknown): void => {
    if (v !== undefined) data[k] = v;
  };
  put('instructionIdentification', r.text(r.at(tx, 'PmtId.InstrId', path, false), `${path}.PmtId.InstrId`, false, 35));
  put('endToEndIdentification', r.text(r.at(tx, 'PmtId.EndToEndId', path, true), `${path}.PmtId.EndToEndId`, true, 35));
  const instd = r.at(tx, 'Amt.InstdAmt', path, true);
  const amountPath = `${path}.Amt.InstdAmt`;
  const value = r.text(instd, amountPath, true);
  const currency = typeof instd?.['@Ccy'] === 'string' ? instd['@Ccy'] : undefined;
  if (instd && (currency === undefined || !CURRENCY_PATTERN.test(currency))) r.issues.add(`${amountPath}@Ccy`, `${amountPath} needs a Ccy attribute with an ISO 4217 code`);
  const creditorAgent = r.bic(r.child(tx, 'CdtrAgt', path, false), `${path}.CdtrAgt`);
  const cdtr = r.child(tx, 'Cdtr', path, true);
  const creditorAddress = address(r, cdtr, `${path}.Cdtr`);
  const amount = value !== undefined && currency !== undefined ? { currency, amount: value } : undefined;
  const ok = checkTransfer({ ...(amount ? { amount } : {}), ...(creditorAgent ? { creditorAgent } : {}), creditorAddress }, rules, {
    amount: amountPath,
    currency: `${amountPath}@Ccy`,
    creditorAgent: `${path}.CdtrAgt.FinInstnId.BIC`,
    creditorAddress: `${path}.Cdtr.PstlAdr`,
  }, r.issues);
  if (ok) put('instructedAmount', amount);
  put('creditorAccount', creditorAccount(r, tx, path, rules));
  put('creditorAgent', creditorAgent);
  put('creditorName', r.text(cdtr?.['Nm'], `${path}.Cdtr.Nm`, true, 70));
  put('creditorAddress', creditorAddress);
  const ustrd = r.child(tx, 'RmtInf', path, false)?.['Ustrd'];
  put('remittanceInformationUnstructured', Array.isArray(ustrd) ? r.text(ustrd[0], `${path}.RmtInf.Ustrd`, false, 140) : undefined);
  const cents = amount && DECIMAL.test(amount.amount) ? Math.round(Number(amount.amount) * 100) : 0;
  return { data, cents };
}

function executionDate(r: Reader, pmtInf: Json, path: string, version: '03' | '09'): string | undefined {
  const node = pmtInf['ReqdExctnDt'];
  const at = `${path}.ReqdExctnDt`;
  // .03: <ReqdExctnDt>2026-01-31</ReqdExctnDt>; .09: <ReqdExctnDt><Dt>2026-01-31</Dt></ReqdExctnDt> (or DtTm)
  const raw = version === '03' ? r.text(node, at, true) : isObject(node) ? r.text(node['Dt'] ?? node['DtTm'], `${at}.Dt`, true) : r.text(undefined, `${at}.Dt`, true);
  if (raw === undefined) return undefined;
  const date = raw.slice(0, 10);
  if (!isIsoDate(date)) return void r.issues.add(at, `${at} is not a date (YYYY-MM-DD)`);
  return date;
}

/** Parse and check a pain.001 document for a product; throws a 400 naming every problem found. */
export function readPain001(text: string, rules: ProductRules, day: string): Pain001Content {
  const doc = wellFormed(text);
  const version = PAIN001_NAMESPACES[String(doc['@xmlns'] ?? '')] as '03' | '09' | undefined;
  if (!version) {
    throw formatError(`Document must be in the namespace ${Object.keys(PAIN001_NAMESPACES).join(' or ')}, not ${JSON.stringify(doc['@xmlns'] ?? null)}`, 'Document@xmlns');
  }
  const r = new Reader();
  const root = 'Document.CstmrCdtTrfInitn';
  const initn = r.child(doc, 'CstmrCdtTrfInitn', 'Document', true);
  if (!initn) r.issues.throwIfAny();
  const hdr = r.child(initn, 'GrpHdr', root, true);
  r.text(hdr?.['MsgId'], `${root}.GrpHdr.MsgId`, true, 35);
  const created = r.text(hdr?.['CreDtTm'], `${root}.GrpHdr.CreDtTm`, true);
  if (created !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(created)) r.issues.add(`${root}.GrpHdr.CreDtTm`, `${root}.GrpHdr.CreDtTm is not a date-time`);
  const nbOfTxs = r.text(hdr?.['NbOfTxs'], `${root}.GrpHdr.NbOfTxs`, true);
  const ctrlSum = r.text(hdr?.['CtrlSum'], `${root}.GrpHdr.CtrlSum`, false);
  const infos = Array.isArray(initn?.['PmtInf']) ? (initn['PmtInf'] as unknown[]) : [];
  if (infos.length !== 1) {
    r.issues.add(`${root}.PmtInf`, `${root}.PmtInf must occur exactly once (one debtor account per initiation)`);
    r.issues.throwIfAny();
  }
  const pmtInf = isObject(infos[0]) ? infos[0] : {};
  const at = `${root}.PmtInf`;
  r.text(pmtInf['PmtInfId'], `${at}.PmtInfId`, true, 35);
  const method = r.text(pmtInf['PmtMtd'], `${at}.PmtMtd`, true);
  if (method !== undefined && method !== 'TRF') r.issues.add(`${at}.PmtMtd`, `${at}.PmtMtd must be TRF for a credit transfer`);
  const batch = r.text(pmtInf['BtchBookg'], `${at}.BtchBookg`, false);
  if (batch !== undefined && batch !== 'true' && batch !== 'false') r.issues.add(`${at}.BtchBookg`, `${at}.BtchBookg must be true or false`);
  const serviceLevel = r.text(r.at(pmtInf, 'PmtTpInf.SvcLvl.Cd', at, false), `${at}.PmtTpInf.SvcLvl.Cd`, false);
  if (serviceLevel !== undefined && rules.serviceLevel && serviceLevel !== rules.serviceLevel) {
    r.issues.add(`${at}.PmtTpInf.SvcLvl.Cd`, `${rules.label} use the service level ${rules.serviceLevel}, not ${serviceLevel}`);
  }
  if (rules.localInstrument) {
    const local = r.text(r.at(pmtInf, 'PmtTpInf.LclInstrm.Cd', at, false), `${at}.PmtTpInf.LclInstrm.Cd`, false);
    if (local !== rules.localInstrument) r.issues.add(`${at}.PmtTpInf.LclInstrm.Cd`, `${rules.label} need the local instrument ${rules.localInstrument}`);
  }
  const requestedExecutionDate = executionDate(r, pmtInf, at, version);
  const futureDate = checkExecutionDate(requestedExecutionDate, rules, `${at}.ReqdExctnDt`, r.issues, day);
  const dbtr = r.child(pmtInf, 'Dbtr', at, true);
  const debtorName = r.text(dbtr?.['Nm'], `${at}.Dbtr.Nm`, false, 70);
  const debtorIban = r.iban(r.at(pmtInf, 'DbtrAcct.Id.IBAN', at, true), `${at}.DbtrAcct.Id.IBAN`, true);
  r.bic(r.child(pmtInf, 'DbtrAgt', at, false), `${at}.DbtrAgt`);
  const txs = Array.isArray(pmtInf['CdtTrfTxInf']) ? (pmtInf['CdtTrfTxInf'] as unknown[]) : [];
  if (txs.length === 0) r.issues.add(`${at}.CdtTrfTxInf`, `${at}.CdtTrfTxInf is missing`);
  const transfers = txs.map((tx, i) => transfer(r, isObject(tx) ? tx : {}, `${at}.CdtTrfTxInf[${i}]`, rules));
  if (nbOfTxs !== undefined && nbOfTxs !== String(txs.length)) {
    r.issues.add(`${root}.GrpHdr.NbOfTxs`, `${root}.GrpHdr.NbOfTxs says ${nbOfTxs}, but the document holds ${txs.length} transactions`);
  }
  if (ctrlSum !== undefined) {
    const sum = transfers.reduce((s, t) => s + t.cents, 0);
    if (!DECIMAL.test(ctrlSum)) r.issues.add(`${root}.GrpHdr.CtrlSum`, `${root}.GrpHdr.CtrlSum is not a decimal`);
    else if (Math.round(Number(ctrlSum) * 100) !== sum) {
      r.issues.add(`${root}.GrpHdr.CtrlSum`, `${root}.GrpHdr.CtrlSum is ${ctrlSum}, but the amounts add up to ${(sum / 100).toFixed(2)}`);
    }
  }
  r.issues.throwIfAny();
  return {
    version,
    debtorAccount: { iban: debtorIban! },
    ...(debtorName ? { debtorName } : {}),
    debtorIban: debtorIban!,
    ...(requestedExecutionDate ? { requestedExecutionDate } : {}),
    ...(futureDate ? { futureDate } : {}),
    ...(batch !== undefined ? { batchBookingPreferred: batch === 'true' } : {}),
    transfers: transfers.map((t) => t.data),
  };
}
