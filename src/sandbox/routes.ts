/** The route table of the reference bank: every NextGenPSD2 1.3 operation and the PIIS consent 2.0 ones, the SCA pages, the sandbox hooks. */
import { TRANSACTION_FORMATS, getAccountList, getBalances, getTransactionDetails, getTransactionList, readAccountDetails } from './accounts.js';
import { getCardAccountBalances, getCardAccountList, getCardAccountTransactionList, readCardAccountDetails } from './card-accounts.js';
import {
  createConsent,
  deleteConsent,
  getConsent,
  getConsentScaStatus,
  getConsentStatus,
  listConsentAuthorisations,
  startConsentAuthorisation,
  updateConsentPsuData,
} from './consents.js';
import { checkAvailabilityOfFunds } from './funds-confirmation.js';
import { advanceBankClock, advanceConsentClock, revokeConsent } from './hooks.js';
import { approveInApp, listPendingApprovals, rejectInApp } from './decoupled.js';
import {
  createFundsConsent,
  deleteFundsConsent,
  getFundsConsent,
  getFundsConsentScaStatus,
  getFundsConsentStatus,
  listFundsConsentAuthorisations,
  startFundsConsentAuthorisation,
  updateFundsConsentPsuData,
} from './funds-consents.js';
import {
  cancelPayment,
  getCancellationScaStatus,
  getPayment,
  getPaymentScaStatus,
  getPaymentStatus,
  initiatePayment,
  listCancellationAuthorisations,
  listPaymentAuthorisations,
  startCancellationAuthorisation,
  startPaymentAuthorisation,
  updateCancellationPsuData,
  updatePaymentPsuData,
} from './payments.js';
import { modeRoutes } from './modes/index.js';
import { isPaymentService } from './products.js';
import { Router } from './router.js';
import { showScaPage, submitScaPage } from './sca-redirect.js';
import { showAuthorizePage, submitAuthorizePage } from './oauth/authorize.js';
import { METADATA_PATH, getMetadata } from './oauth/metadata.js';
import { tokenEndpoint } from './oauth/token.js';
import {
  createSigningBasket,
  deleteSigningBasket,
  getSigningBasket,
  getSigningBasketScaStatus,
  getSigningBasketStatus,
  listSigningBasketAuthorisations,
  startSigningBasketAuthorisation,
  updateSigningBasketPsuData,
} from './signing-baskets.js';

export function buildRouter(): Router {
  const api = { api: true };
  const ais = { api: true, strictAccept: true };
  const pis = { api: true, constraints: { service: isPaymentService } };
  const page = { api: false };
  const payment = '/v1/{service}/{product}/{paymentId}';
  const consent = '/v1/consents/{consentId}';
  const fundsConsent = '/v2/consents/confirmation-of-funds/{consentId}';
  const basket = '/v1/signing-baskets/{basketId}';
  const router = new Router();
  // Routes of the emulation modes (src/sandbox/modes): each answers only in its own mode.
  for (const r of modeRoutes()) router.add(r.method, r.pattern, r.handler, page);
  return router
    .add('POST', '/v1/consents', createConsent, ais)
    .add('GET', consent, getConsent, ais)
    .add('DELETE', consent, deleteConsent, ais)
    .add('GET', `${consent}/status`, getConsentStatus, ais)
    .add('POST', `${consent}/authorisations`, startConsentAuthorisation, ais)
    .add('GET', `${consent}/authorisations`, listConsentAuthorisations, ais)
    .add('GET', `${consent}/authorisations/{authorisationId}`, getConsentScaStatus, ais)
    .add('PUT', `${consent}/authorisations/{authorisationId}`, updateConsentPsuData, ais)
    .add('GET', '/v1/accounts', getAccountList, ais)
    .add('GET', '/v1/accounts/{accountId}', readAccountDetails, ais)
    .add('GET', '/v1/accounts/{accountId}/balances', getBalances, ais)
    .add('GET', '/v1/accounts/{accountId}/transactions', getTransactionList, { ...ais, produces: TRANSACTION_FORMATS })
    .add('GET', '/v1/accounts/{accountId}/transactions/{transactionId}', getTransactionDetails, ais)
    .add('GET', '/v1/card-accounts', getCardAccountList, ais)
    .add('GET', '/v1/card-accounts/{accountId}', readCardAccountDetails, ais)
    .add('GET', '/v1/card-accounts/{accountId}/balances', getCardAccountBalances, ais)
    .add('GET', '/v1/card-accounts/{accountId}/transactions', getCardAccountTransactionList, ais)
    .add('POST', '/v1/funds-confirmations', checkAvailabilityOfFunds, api)
    .add('POST', '/v2/consents/confirmation-of-funds', createFundsConsent, api)
    .add('GET', fundsConsent, getFundsConsent, api)
    .add('DELETE', fundsConsent, deleteFundsConsent, api)
    .add('GET', `${fundsConsent}/status`, getFundsConsentStatus, api)
    .add('POST', `${fundsConsent}/authorisations`, startFundsConsentAuthorisation, api)
    .add('GET', `${fundsConsent}/authorisations`, listFundsConsentAuthorisations, api)
    .add('GET', `${fundsConsent}/authorisations/{authorisationId}`, getFundsConsentScaStatus, api)
    .add('PUT', `${fundsConsent}/authorisations/{authorisationId}`, updateFundsConsentPsuData, api)
    .add('POST', '/v1/signing-baskets', createSigningBasket, api)
    .add('GET', basket, getSigningBasket, api)
    .add('DELETE', basket, deleteSigningBasket, api)
    .add('GET', `${basket}/status`, getSigningBasketStatus, api)
    .add('POST', `${basket}/authorisations`, startSigningBasketAuthorisation, api)
    .add('GET', `${basket}/authorisations`, listSigningBasketAuthorisations, api)
    .add('GET', `${basket}/authorisations/{authorisationId}`, getSigningBasketScaStatus, api)
    .add('PUT', `${basket}/authorisations/{authorisationId}`, updateSigningBasketPsuData, api)
    .add('POST', '/v1/{service}/{product}', initiatePayment, pis)
    .add('GET', payment, getPayment, pis)
    .add('DELETE', payment, cancelPayment, pis)
    .add('GET', `${payment}/status`, getPaymentStatus, pis)
    .add('POST', `${payment}/authorisations`, startPaymentAuthorisation, pis)
    .add('GET', `${payment}/authorisations`, listPaymentAuthorisations, pis)
    .add('GET', `${payment}/authorisations/{authorisationId}`, getPaymentScaStatus, pis)
    .add('PUT', `${payment}/authorisations/{authorisationId}`, updatePaymentPsuData, pis)
    .add('POST', `${payment}/cancellation-authorisations`, startCancellationAuthorisation, pis)
    .add('GET', `${payment}/cancellation-authorisations`, listCancellationAuthorisations, pis)
    .add('GET', `${payment}/cancellation-authorisations/{authorisationId}`, getCancellationScaStatus, pis)
    .add('PUT', `${payment}/cancellation-authorisations/{authorisationId}`, updateCancellationPsuData, pis)
    .add('GET', '/sca/{authorisationId}', showScaPage, page)
    .add('POST', '/sca/{authorisationId}', submitScaPage, page)
    .add('GET', METADATA_PATH, getMetadata, page)
    .add('GET', '/oauth/authorize', showAuthorizePage, page)
    .add('POST', '/oauth/authorize', submitAuthorizePage, page)
    .add('POST', '/oauth/token', tokenEndpoint, page)
    .add('POST', '/sandbox/clock', advanceBankClock, page)
    .add('POST', '/sandbox/consents/{consentId}/clock', advanceConsentClock, page)
    .add('POST', '/sandbox/consents/{consentId}/revoke', revokeConsent, page)
    .add('GET', '/sandbox/authorisations', listPendingApprovals, page)
    .add('POST', '/sandbox/authorisations/{authorisationId}/approve', approveInApp, page)
    .add('POST', '/sandbox/authorisations/{authorisationId}/reject', rejectInApp, page);
}
