/**
 * A bank that publishes its own NextGenPSD2 description (specs/bank-variant/openapi.yaml, after
 * the Georgian bank's of DOMAIN §10.4): payment products `aspsp` (to an account at the same bank),
 * `domestic` (to another Georgian bank) and `foreign` (abroad, SWIFT) instead of the SEPA ones,
 * amounts in GEL, and a product catalogue outside PSD2 in the same document (GET /v1/products,
 * /v1/products/{productId}, /v1/deposits, /v1/loans; `locale` ge or en, `page`, `page-size`).
 */
import type { RequestContext } from '../context.js';
import { formatError, resourceUnknown } from '../errors.js';
import { requireRequestId } from '../headers.js';
import type { ProductRules } from '../payment-rules.js';
import type { ProductDefinition } from '../products.js';
import { sendJson } from '../response.js';
import { STANDARD } from './standard.js';
import type { EmulationMode, ModeRoute } from './types.js';

const ASPSP: ProductRules = {
  label: 'transfers to an account at this bank',
  currencies: ['GEL', 'USD', 'EUR'],
  creditorIdentifiers: ['iban'],
  creditorAgentRequired: false,
  creditorAddressRequired: false,
  instant: true,
};

const DOMESTIC: ProductRules = {
  label: 'domestic transfers (GEL, to another Georgian bank)',
  currencies: ['GEL'],
  creditorIdentifiers: ['iban'],
  creditorAgentRequired: false,
  creditorAddressRequired: false,
  instant: false,
};

const FOREIGN: ProductRules = {
  label: 'foreign transfers (SWIFT)',
  currencies: ['USD', 'EUR', 'GBP'],
  creditorIdentifiers: ['iban', 'bban'],
  creditorAgentRequired: true,
  creditorAddressRequired: true,
  instant: false,
};

const PRODUCTS: Record<string, ProductDefinition> = {
  aspsp: { format: 'json', rules: ASPSP, services: ['payments'] },
  domestic: { format: 'json', rules: DOMESTIC, services: ['payments', 'periodic-payments'] },
  foreign: { format: 'json', rules: FOREIGN, services: ['payments'] },
};

type Locale = 'ge' | 'en';
type Text = Record<Locale, string>;

interface CatalogueEntry {
  id: string;
  kind: 'account' | 'deposit' | 'loan' | 'card';
  name: Text;
  currency: string;
  /** Yearly interest rate in percent, as a decimal string. */
  interestRate?: string;
  minimumAmount?: string;
  termMonths?: number;
}

const CATALOGUE: readonly CatalogueEntry[] = [
  { id: 'current-gel', kind: 'account', name: { ge: 'მიმდინარე ანგარიში', en: 'Current account' }, currency: 'GEL' },
  { id: 'savings-gel', kind: 'account', name: { ge: 'შემნახველი ანგარიში', en: 'Savings account' }, currency: 'GEL', interestRate: '7.50' },
  { id: 'card-classic', kind: 'card', name: { ge: 'კლასიკური ბარათი', en: 'Classic debit card' }, currency: 'GEL' },
  { id: 'deposit-12m-gel', kind: 'deposit', name: { ge: 'ვადიანი ანაბარი 12 თვე', en: 'Term deposit 12 months' }, currency: 'GEL', interestRate: '10.25', minimumAmount: '500.00', termMonths: 12 },
  { id: 'deposit-6m-usd', kind: 'deposit', name: { ge: 'ვადიანი ანაბარი 6 თვე', en: 'Term deposit 6 months' }, currency: 'USD', interestRate: '2.10', minimumAmount: '1000.00', termMonths: 6 },
  { id: 'deposit-24m-gel', kind: 'deposit', name: { ge: 'ვადიანი ანაბარი 24 თვე', en: 'Term deposit 24 months' }, currency: 'GEL', interestRate: '10.75', minimumAmount: '1000.00', termMonths: 24 },
  { id: 'loan-consumer-gel', kind: 'loan', name: { ge: 'სამომხმარებლო სესხი', en: 'Consumer loan' }, currency: 'GEL', interestRate: '16.90', minimumAmount: '300.00', termMonths: 48 },
  { id: 'loan-mortgage-gel', kind: 'loan', name: { ge: 'იპოთეკური სესხი', en: 'Mortgage' }, currency: 'GEL', interestRate: '11.40', minimumAmount: '20000.00', termMonths: 240 },
];

function locale(ctx: RequestContext): Locale {
  const value = ctx.query.get('locale') ?? 'ge';
  if (value !== 'ge' && value !== 'en') throw formatError(`locale must be ge or en, not ${value}`, 'locale');
  return value;
}

function positive(ctx: RequestContext, name: string, fallback: number, max: number): number {
  const raw = ctx.query.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < (name === 'page' ? 0 : 1) || n > max) throw formatError(`${name} must be a whole number${name === 'page' ? '' : ` from 1 to ${max}`}`, name);
  return n;
}

function view(entry: CatalogueEntry, lang: Locale): Record<string, unknown> {
  const { name, ...rest } = entry;
  return { ...rest, name: name[lang] };
}

/** One page of catalogue entries of some kinds, with self/next links. */
function listing(ctx: RequestContext, kinds: CatalogueEntry['kind'][], key: string): void {
  requireRequestId(ctx);
  const lang = locale(ctx);
  const page = positive(ctx, 'page', 0, 10_000);
  const size = positive(ctx, 'page-size', 20, 100);
  const all = CATALOGUE.filter((e) => kinds.includes(e.kind));
  const slice = all.slice(page * size, page * size + size);
  const link = (p: number) => ({ href: `${ctx.baseUrl}${ctx.path}?locale=${lang}&page=${p}&page-size=${size}` });
  sendJson(ctx, 200, {
    [key]: slice.map((e) => view(e, lang)),
    page,
    pageSize: size,
    total: all.length,
    _links: { self: link(page), ...((page + 1) * size < all.length ? { next: link(page + 1) } : {}) },
  });
}

const ROUTES: ModeRoute[] = [
  { method: 'GET', pattern: '/v1/products', handler: (ctx) => listing(ctx, ['account', 'card', 'deposit', 'loan'], 'products') },
  {
    method: 'GET',
    pattern: '/v1/products/{productId}',
    handler: (ctx) => {
      requireRequestId(ctx);
      const entry = CATALOGUE.find((e) => e.id === ctx.params['productId']);
      if (!entry) throw resourceUnknown(`Product ${ctx.params['productId']} does not exist`, 'productId');
      sendJson(ctx, 200, view(entry, locale(ctx)));
    },
  },
  { method: 'GET', pattern: '/v1/deposits', handler: (ctx) => listing(ctx, ['deposit'], 'deposits') },
  { method: 'GET', pattern: '/v1/loans', handler: (ctx) => listing(ctx, ['loan'], 'loans') },
];

export const BANK_VARIANT: EmulationMode = {
  ...STANDARD,
  name: 'bank-variant',
  description: 'a bank with its own NextGenPSD2 variant: products aspsp, domestic, foreign in GEL, a product catalogue',
  products: PRODUCTS,
  routes: ROUTES,
};

