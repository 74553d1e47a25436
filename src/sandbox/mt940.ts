/** A statement as a SWIFT MT940 customer statement message (Accept: text/plain). */
import type { Statement } from './statement.js';

/** YYMMDD of an ISO date. */
const yymmdd = (date: string): string => date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);

/** MT amounts: no sign, comma as the decimal separator ("1842,50"). */
function mtAmount(cents: number): string {
  const abs = Math.abs(cents);
  return `${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** The SWIFT X character set: letters, digits and / - ? : ( ) . , ' + and space. */
function swiftText(text: string, max: number): string {
  return text.replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ').slice(0, max);
}

function balanceLine(tag: '60F' | '62F', cents: number, date: string, currency: string): string {
  return `:${tag}:${cents < 0 ? 'D' : 'C'}${yymmdd(date)}${currency}${mtAmount(cents)}`;
}

export function renderMt940(statement: Statement): string {
  const { account } = statement;
  const lines = [
    `:20:${swiftText(`STMT${yymmdd(statement.to)}${account.resourceId}`, 16)}`,
    `:25:${account.iban}`,
    `:28C:${String(statement.sequence).padStart(5, '0')}/001`,
    balanceLine('60F', statement.openingCents, statement.from, account.currency),
  ];
  for (const t of statement.entries) {
    const valueDate = yymmdd(t.valueDate);
    const entryDate = t.bookingDate!.slice(5, 7) + t.bookingDate!.slice(8, 10);
    lines.push(`:61:${valueDate}${entryDate}${t.cents < 0 ? 'D' : 'C'}${mtAmount(t.cents)}NTRFNONREF//${swiftText(t.transactionId, 16)}`);
    lines.push(`:86:${swiftText(`${t.counterparty.name} ${t.remittance}`, 390)}`);
  }
  lines.push(balanceLine('62F', statement.closingCents, statement.to, account.currency));
  return `${lines.join('\r\n')}\r\n-`;
}
