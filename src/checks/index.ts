import type { Check } from './check.js';
import statusDeclared from './response/status-declared.js';
import contentType from './response/content-type.js';
import schema from './response/schema.js';
import xRequestIdEcho from './header/x-request-id-echo.js';
import locationOn201 from './header/location-on-201.js';
import tppMessages from './error/tpp-messages.js';
import linksRequired from './links/required.js';
import linksPaging from './links/paging.js';
import xmlWellformed from './response/xml-wellformed.js';
import consentedAccountsOnly from './ais/consented-accounts-only.js';
import answered from './transport/answered.js';
import utf8 from './response/utf8.js';
import linksScaOAuth from './links/sca-oauth.js';
import oauthMetadata from './oauth/metadata.js';
import oauthStateReturned from './oauth/state-returned.js';
import oauthTokenResponse from './oauth/token-response.js';
import oauthCodeSingleUse from './oauth/code-single-use.js';
import obpCode from './error/obp-code.js';
import serverError from './response/server-error.js';
import codeStatus from './error/code-status.js';
import linksTarget from './links/target.js';
import transactionsInPeriod from './ais/transactions-in-period.js';
import scaApproachHeader from './sca/approach-header.js';
import scaMethodsShape from './sca/methods-shape.js';
import scaRedirectUriHonoured from './sca/redirect-uri-honoured.js';
import scaPsuMessage from './sca/psu-message.js';
import scaOtpSingleUse from './sca/otp-single-use.js';
import scaConfirmationRequired from './sca/confirmation-required.js';

/** Every exchange check the suite runs, in report order. */
export const CHECKS: readonly Check[] = [
  answered,
  statusDeclared,
  contentType,
  schema,
  utf8,
  xmlWellformed,
  xRequestIdEcho,
  locationOn201,
  tppMessages,
  linksRequired,
  linksPaging,
  consentedAccountsOnly,
  linksScaOAuth,
  oauthMetadata,
  oauthStateReturned,
  oauthTokenResponse,
  oauthCodeSingleUse,
  obpCode,
  serverError,
  codeStatus,
  linksTarget,
  transactionsInPeriod,
  scaApproachHeader,
  scaMethodsShape,
  scaRedirectUriHonoured,
  scaPsuMessage,
  scaOtpSingleUse,
  scaConfirmationRequired,
];

export { judgeExchange } from './judge.js';
export { learnFrom } from './learn.js';
export { Observations } from './observations.js';
export type { Check, Finding, Level } from './check.js';
