/** Defects of the family: the OAuth2 authorisation server and bearer access. */
import type { DefectDescription } from '../types.js';

export const OAUTH = {
  'oauth-sca-redirect-instead': {
    description: 'Resources an OAuth client creates send the PSU to the redirect login page (scaRedirect) instead of linking the OAuth server (scaOAuth).',
    caughtBy: ['links.sca-oauth'],
  },
  'oauth-metadata-incomplete': {
    description: 'The OAuth server metadata leaves out response_types_supported and code_challenge_methods_supported.',
    caughtBy: ['oauth.metadata'],
  },
  'oauth-state-dropped': {
    description: 'The authorisation endpoint sends the PSU back to the TPP without the state the TPP sent.',
    caughtBy: ['oauth.state-returned'],
  },
  'oauth-token-type-missing': {
    description: 'Token responses carry no token_type.',
    caughtBy: ['oauth.token-response'],
  },
  'oauth-token-cacheable': {
    description: 'Token responses may be cached (Cache-Control max-age instead of no-store).',
    caughtBy: ['oauth.token-response'],
  },
  'oauth-code-reusable': {
    description: 'An authorisation code is exchanged for tokens again after it was redeemed.',
    caughtBy: ['oauth.code-single-use'],
  },
} as const satisfies Record<string, DefectDescription>;
