import type { Check } from './check.js';
import statusDeclared from './response/status-declared.js';
import contentType from './response/content-type.js';
import schema from './response/schema.js';
import xRequestIdEcho from './header/x-request-id-echo.js';
import locationOn201 from './header/location-on-201.js';
import tppMessages from './error/tpp-messages.js';
import linksRequired from './links/required.js';

/** Every exchange check the suite runs, in report order. */
export const CHECKS: readonly Check[] = [statusDeclared, contentType, schema, xRequestIdEcho, locationOn201, tppMessages, linksRequired];

export { judgeExchange } from './judge.js';
export type { Check, Finding, Level } from './check.js';
