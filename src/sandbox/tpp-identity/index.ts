/**
 * The TPP's identity as the bank checks it before routing an API call: the QWAC of mutual TLS
 * (present, issued by the trusted CA, holding the PSD2 role the service needs) and the request's
 * signature (Signature, Digest, TPP-Signature-Certificate). Without a client certificate the TLS
 * handshake still succeeds (the redirect SCA pages are for the PSU's browser); an API call then
 * gets 401 CERTIFICATE_MISSING, a clear answer instead of a failed handshake.
 */
import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { psd2StatementOf } from '../../certs/psd2.js';
import type { RequestContext } from '../context.js';
import { apiError } from '../errors.js';
import { rolesFor } from './roles.js';
import { verifySignature } from './signature.js';

export interface IdentityRules {
  /** Mutual TLS: client certificates must come from this CA. */
  tls?: { ca: X509Certificate; requireClientCert: boolean; enforceRoles: boolean };
  /** Signed requests: required, and the QSealC's CA when it is checked. */
  signing?: { required: boolean; ca?: X509Certificate };
}

function clientCertificate(ctx: RequestContext): X509Certificate | undefined {
  const socket = ctx.req.socket as TLSSocket;
  if (typeof socket.getPeerX509Certificate !== 'function') return undefined;
  return socket.getPeerX509Certificate();
}

function checkQwac(ctx: RequestContext, rules: NonNullable<IdentityRules['tls']>): void {
  const cert = clientCertificate(ctx);
  if (!cert) {
    if (rules.requireClientCert) throw apiError(401, 'CERTIFICATE_MISSING', 'No TLS client certificate (QWAC) was presented');
    return;
  }
  if (!cert.checkIssued(rules.ca) || !cert.verify(rules.ca.publicKey)) throw apiError(401, 'CERTIFICATE_INVALID', 'The TLS client certificate is not issued by a trusted CA');
  const now = ctx.env.clock.now().getTime();
  if (Date.parse(cert.validTo) < now) throw apiError(401, 'CERTIFICATE_EXPIRED', 'The TLS client certificate has expired');
  if (!rules.enforceRoles || ctx.env.defects.has('certificate-roles-ignored')) return;
  const needed = rolesFor(ctx.path);
  if (!needed) return;
  const held = psd2StatementOf(cert.raw)?.roles ?? [];
  if (!needed.some((r) => held.includes(r))) {
    throw apiError(401, 'ROLE_INVALID', `The certificate's PSD2 roles (${held.join(', ') || 'none'}) do not include ${needed.join(' or ')}`);
  }
}

/** Throws the 401 a request's identity earns, if any. */
export function verifyTppIdentity(ctx: RequestContext, rules: IdentityRules): void {
  if (rules.tls) checkQwac(ctx, rules.tls);
  if (rules.signing) verifySignature(ctx, rules.signing);
}
