/** The route table of the reference bank. */
import {
  getAccountList,
  getBalances,
  getTransactionDetails,
  getTransactionList,
  readAccountDetails,
} from './accounts.js';
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
import {
  cancelPayment,
  getPayment,
  getPaymentScaStatus,
  getPaymentStatus,
  initiatePayment,
  listPaymentAuthorisations,
  startPaymentAuthorisation,
  updatePaymentPsuData,
} from './payments.js';
import { isPaymentService } from './products.js';
import { Router } from './router.js';
import { showScaPage, submitScaPage } from './sca-redirect.js';

export function buildRouter(): Router {
  const api = { api: true };
  const pis = { api: true, constraints: { service: isPaymentService } };
  const page = { api: false };
  const payment = '/v1/{service}/{product}/{paymentId}';
  return new Router()
    .add('POST', '/v1/consents', createConsent, api)
    .add('GET', '/v1/consents/{consentId}', getConsent, api)
    .add('DELETE', '/v1/consents/{consentId}', deleteConsent, api)
    .add('GET', '/v1/consents/{consentId}/status', getConsentStatus, api)
    .add('POST', '/v1/consents/{consentId}/authorisations', startConsentAuthorisation, api)
    .add('GET', '/v1/consents/{consentId}/authorisations', listConsentAuthorisations, api)
    .add('GET', '/v1/consents/{consentId}/authorisations/{authorisationId}', getConsentScaStatus, api)
    .add('PUT', '/v1/consents/{consentId}/authorisations/{authorisationId}', updateConsentPsuData, api)
    .add('GET', '/v1/accounts', getAccountList, api)
    .add('GET', '/v1/accounts/{accountId}', readAccountDetails, api)
    .add('GET', '/v1/accounts/{accountId}/balances', getBalances, api)
    .add('GET', '/v1/accounts/{accountId}/transactions', getTransactionList, api)
    .add('GET', '/v1/accounts/{accountId}/transactions/{transactionId}', getTransactionDetails, api)
    .add('POST', '/v1/{service}/{product}', initiatePayment, pis)
    .add('GET', payment, getPayment, pis)
    .add('DELETE', payment, cancelPayment, pis)
    .add('GET', `${payment}/status`, getPaymentStatus, pis)
    .add('POST', `${payment}/authorisations`, startPaymentAuthorisation, pis)
    .add('GET', `${payment}/authorisations`, listPaymentAuthorisations, pis)
    .add('GET', `${payment}/authorisations/{authorisationId}`, getPaymentScaStatus, pis)
    .add('PUT', `${payment}/authorisations/{authorisationId}`, updatePaymentPsuData, pis)
    .add('GET', '/sca/{authorisationId}', showScaPage, page)
    .add('POST', '/sca/{authorisationId}', submitScaPage, page);
}
