/**
 * The OAuth clients registered at the reference bank: sandbox test data, like its PSUs. A real
 * ASPSP registers them in a developer portal (client id, secret, redirect URIs; DOMAIN §10.1, §10.2).
 */
export interface OAuthClient {
  clientId: string;
  /** A public sandbox secret (profiles of real banks take theirs from the environment). */
  clientSecret: string;
  /** Exact redirect URIs; a loopback one (http://127.0.0.1/…) matches on any port (RFC 8252 §7.3). */
  redirectUris: string[];
}

export const OAUTH_CLIENTS: readonly OAuthClient[] = [
  {
    clientId: 'tpp-sandbox-client',
    clientSecret: 'sandbox-client-secret-1',
    redirectUris: ['https://tpp.example/sca/ok', 'https://tpp.example/oauth/callback', 'http://127.0.0.1/oauth/callback'],
  },
];

export function findClient(clientId: string | undefined): OAuthClient | undefined {
  return OAUTH_CLIENTS.find((c) => c.clientId === clientId);
}

function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost');
}

/** True when the redirect URI is one the client registered (a loopback one on any port). */
export function registeredRedirect(client: OAuthClient, redirectUri: string | undefined): boolean {
  if (!redirectUri) return false;
  if (client.redirectUris.includes(redirectUri)) return true;
  let asked: URL;
  try {
    asked = new URL(redirectUri);
  } catch {
    return false;
  }
  if (!isLoopback(asked)) return false;
  return client.redirectUris.some((r) => {
    const reg = new URL(r);
    return isLoopback(reg) && reg.hostname === asked.hostname && reg.pathname === asked.pathname && reg.search === asked.search;
  });
}
