/**
 * The origin a client addressed when a proxy stands in front of the bank: the proxy names it in
 * Forwarded (RFC 7239 §5.3 host, §5.4 proto; the first element is the one nearest the client) or
 * in the de-facto X-Forwarded-Host / X-Forwarded-Proto. The bank builds its absolute links on it,
 * so a client that follows them stays on the proxy.
 */
import type { IncomingMessage } from 'node:http';

export interface ForwardedOrigin {
  host?: string;
  proto?: 'http' | 'https';
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim() || undefined;

const protoOf = (v: string | undefined): ForwardedOrigin['proto'] => {
  const p = v?.toLowerCase();
  return p === 'http' || p === 'https' ? p : undefined;
};

/** The host and scheme a proxy in front says the client used; the Host-like syntax is the caller's to check. */
export function forwardedOrigin(req: IncomingMessage): ForwardedOrigin {
  const element = first(req.headers['forwarded']);
  if (element) {
    const pairs = new Map(
      element.split(';').flatMap((pair) => {
        const at = pair.indexOf('=');
        return at > 0 ? [[pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim().replace(/^"(.*)"$/, '$1')] as const] : [];
      }),
    );
    const host = pairs.get('host');
    const proto = protoOf(pairs.get('proto'));
    if (host !== undefined || proto !== undefined) return { ...(host ? { host } : {}), ...(proto ? { proto } : {}) };
  }
  const host = first(req.headers['x-forwarded-host']);
  const proto = protoOf(first(req.headers['x-forwarded-proto']));
  return { ...(host ? { host } : {}), ...(proto ? { proto } : {}) };
}
