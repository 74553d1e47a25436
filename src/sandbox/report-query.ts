/**
 * The query of a transaction list (DOMAIN §7, AIS read parameters): bookingStatus, the period,
 * delta access (deltaList or entryReferenceFrom, never both), withBalance and paging.
 */
import type { RequestContext } from './context.js';
import { isIsoDate } from './dates.js';
import { apiError, formatError } from './errors.js';
import { type PageRequest, pageRequest } from './paging.js';

export type BookingStatus = 'booked' | 'pending' | 'both';

export interface ReportQuery {
  bookingStatus: BookingStatus;
  /** Absent for delta access. */
  dateFrom?: string;
  dateTo: string;
  deltaList: boolean;
  entryReferenceFrom?: string;
  withBalance: boolean;
  page: PageRequest;
}

const BOOKING_STATUSES: readonly string[] = ['booked', 'pending', 'both'];
const UNSUPPORTED_BOOKING_STATUSES = ['information', 'all'];

export function booleanQuery(ctx: RequestContext, name: string): boolean {
  const v = ctx.query.get(name);
  if (v === null) return false;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw formatError(`Query parameter ${name} must be true or false`, name);
}

export function dateQuery(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.query.get(name);
  if (v === null) return undefined;
  if (!isIsoDate(v)) throw formatError(`Query parameter ${name} is not a date (YYYY-MM-DD)`, name);
  return v;
}

function bookingStatusQuery(ctx: RequestContext, card: boolean): BookingStatus {
  const v = ctx.query.get('bookingStatus');
  if (v === null || v === '') throw formatError('Query parameter bookingStatus is missing', 'bookingStatus');
  if (!card && UNSUPPORTED_BOOKING_STATUSES.includes(v)) {
    throw apiError(400, 'PARAMETER_NOT_SUPPORTED', `bookingStatus ${v} is not supported; use booked, pending or both`, 'bookingStatus');
  }
  if (!BOOKING_STATUSES.includes(v)) throw formatError(`bookingStatus ${v} is not a permitted value`, 'bookingStatus');
  return v as BookingStatus;
}

/** Reads and checks the query of a transaction list; card lists have no delta access. */
export function reportQuery(ctx: RequestContext, card = false): ReportQuery {
  const bookingStatus = bookingStatusQuery(ctx, card);
  const deltaList = !card && booleanQuery(ctx, 'deltaList');
  const entryReferenceFrom = card ? undefined : (ctx.query.get('entryReferenceFrom') ?? undefined);
  if (card && (ctx.query.has('deltaList') || ctx.query.has('entryReferenceFrom'))) {
    throw apiError(400, 'PARAMETER_NOT_SUPPORTED', 'Delta access is not offered for card accounts', ctx.query.has('deltaList') ? 'deltaList' : 'entryReferenceFrom');
  }
  if (deltaList && entryReferenceFrom !== undefined) {
    throw formatError('deltaList and entryReferenceFrom exclude each other', 'entryReferenceFrom');
  }
  const delta = deltaList || entryReferenceFrom !== undefined;
  const dateFrom = dateQuery(ctx, 'dateFrom');
  if (dateFrom === undefined && !delta) throw formatError('Query parameter dateFrom is missing', 'dateFrom');
  const dateTo = dateQuery(ctx, 'dateTo') ?? ctx.env.clock.today();
  if (dateFrom !== undefined && dateFrom > dateTo && !ctx.env.defects.has('reversed-period-accepted')) throw apiError(400, 'PERIOD_INVALID', 'dateFrom lies after dateTo', 'dateFrom');
  return {
    bookingStatus,
    ...(dateFrom !== undefined && !delta ? { dateFrom } : {}),
    dateTo,
    deltaList,
    ...(entryReferenceFrom !== undefined ? { entryReferenceFrom } : {}),
    withBalance: booleanQuery(ctx, 'withBalance'),
    page: pageRequest(ctx),
  };
}
