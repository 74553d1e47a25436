/** A statement as an ISO 20022 camt.053.001.02 BankToCustomerStatement document (Accept: application/xml). */
import { XMLBuilder } from 'fast-xml-parser';
import type { DefectSet } from './defects.js';
import { formatAmount } from './money.js';
import { type Statement, bankTransactionCodeParts } from './statement.js';

export const CAMT053_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

const amount = (cents: number, currency: string) => ({ '#text': formatAmount(Math.abs(cents)), '@Ccy': currency });
const indicator = (cents: number): string => (cents < 0 ? 'DBIT' : 'CRDT');

function balance(code: 'OPBD' | 'CLBD', cents: number, currency: string, date: string) {
  return { Tp: { CdOrPrtry: { Cd: code } }, Amt: amount(cents, currency), CdtDbtInd: indicator(cents), Dt: { Dt: date } };
}

export function renderCamt053(statement: Statement, defects: DefectSet, now: Date = new Date()): string {
  const { account, entries } = statement;
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, '');
  const id = `STMT-${account.resourceId}-${statement.to}`;
  const ntry = entries.map((t) => {
    const outgoing = t.cents < 0;
    const code = bankTransactionCodeParts(t.bankTransactionCode);
    const party = t.counterparty.iban ? { Nm: t.counterparty.name, Acct: { Id: { IBAN: t.counterparty.iban } } } : { Nm: t.counterparty.name };
    return {
      NtryRef: t.transactionId,
      Amt: amount(t.cents, t.currency),
      CdtDbtInd: indicator(t.cents),
      Sts: 'BOOK',
      BookgDt: { Dt: t.bookingDate },
      ValDt: { Dt: t.valueDate },
      AcctSvcrRef: t.transactionId,
      BkTxCd: { Domn: { Cd: code.domain, Fmly: { Cd: code.family, SubFmlyCd: code.subFamily } } },
      NtryDtls: {
        TxDtls: {
          Refs: { AcctSvcrRef: t.transactionId },
          RltdPties: outgoing
            ? { Cdtr: { Nm: party.Nm }, ...(party.Acct ? { CdtrAcct: party.Acct } : {}) }
            : { Dbtr: { Nm: party.Nm }, ...(party.Acct ? { DbtrAcct: party.Acct } : {}) },
          RmtInf: { Ustrd: t.remittance },
        },
      },
    };
  });
  const document = {
    ...(defects.has('camt-without-namespace') ? {} : { '@xmlns': CAMT053_NAMESPACE }),
    BkToCstmrStmt: {
      GrpHdr: { MsgId: id, CreDtTm: stamp },
      Stmt: {
        Id: id,
        ElctrncSeqNb: statement.sequence,
        CreDtTm: stamp,
        FrToDt: { FrDtTm: `${statement.from}T00:00:00`, ToDtTm: `${statement.to}T23:59:59` },
        Acct: {
          Id: { IBAN: account.iban },
          Ccy: account.currency,
          Ownr: { Nm: account.ownerName },
          Svcr: { FinInstnId: { BIC: account.bic } },
        },
        Bal: [balance('OPBD', statement.openingCents, account.currency, statement.from), balance('CLBD', statement.closingCents, account.currency, statement.to)],
        TxsSummry: { TtlNtries: { NbOfNtries: entries.length } },
        Ntry: ntry,
      },
    },
  };
  return builder.build({ '?xml': { '@version': '1.0', '@encoding': 'UTF-8' }, Document: document }) as string;
}
