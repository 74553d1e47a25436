import { defineCheck, verdict, type Verdict } from '../check.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Booked entries of a transaction report fall into the period the request asked for. Delta
 * access (entryReferenceFrom, deltaList) may ignore the dates (DOMAIN §7), so it is not judged.
 */
export default defineCheck({
  id: 'ais.transactions-in-period',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §6 (read transaction list: dateFrom and dateTo bound the booking dates of the report); OpenAPI getTransactionList query parameters',
  description: 'The booked transactions of a report asked for with dateFrom (and dateTo) have booking dates inside that period.',
  appliesTo(ex, ctx) {
    const op = ctx.match?.operation.operationId;
    if ((op !== 'getTransactionList' && op !== 'getCardAccountTransactionList') || ex.response?.status !== 200 || !isObject(ctx.responseJson)) return false;
    const query = new URL(ex.request.url).searchParams;
    return DATE.test(query.get('dateFrom') ?? '') && !query.has('entryReferenceFrom') && query.get('deltaList') !== 'true';
  },
  judge(ex, ctx) {
    const query = new URL(ex.request.url).searchParams;
    const from = query.get('dateFrom')!;
    const to = DATE.test(query.get('dateTo') ?? '') ? query.get('dateTo')! : undefined;
    const body = ctx.responseJson as Record<string, unknown>;
    const report = ctx.match!.operation.operationId === 'getTransactionList' ? body['transactions'] : body['cardTransactions'];
    if (!isObject(report) || !Array.isArray(report['booked'])) return [];
    const out: Verdict[] = [];
    report['booked'].forEach((t, i) => {
      const date = isObject(t) && typeof t['bookingDate'] === 'string' ? t['bookingDate'] : undefined;
      if (!date || !DATE.test(date)) return;
      if (date < from || (to !== undefined && date > to)) {
        out.push(verdict(`booked[${i}] was booked on ${date}, outside the period asked for (${from} to ${to ?? 'today'})`, { bookingDate: date, dateFrom: from, dateTo: to ?? null }));
      }
    });
    return out;
  },
});
