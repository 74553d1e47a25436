/**
 * OAuth before the scenario's first request: with `oauth.preStep` in the profile every scenario
 * first gets a token (client-credentials, or the PSU's authorisation-code grant with the profile's
 * scopes) and sends it on every call; without it, the cells of the oauth approach start with the
 * client-credentials token that marks the TPP as the bank's OAuth client (myPOS style, DOMAIN §10.2).
 */
import type { ExchangeOrigin } from '../http/exchange.js';
import type { Session } from '../run/session.js';
import type { Cell } from '../scenario/types.js';
import type { ScaDriveOutcome } from './driver.js';
import { authorizationCodeGrant } from './oauth.js';
import { clientCredentials, defaultMetadataUrl, fetchMetadata, requireClient } from './oauth-client.js';

export const PRE_STEP_ID = 'oauth-pre-step';

/** Runs the pre-step the profile and cell call for; undefined when there is none. */
export async function oauthPreStep(session: Session, cell: Cell, origin: ExchangeOrigin, render: (template: string) => string): Promise<ScaDriveOutcome | undefined> {
  const client = session.profile.oauth;
  if (!client) {
    // The oauth approach starts from the TPP's OAuth client; without one the cell cannot run.
    const missing = requireClient(session);
    return cell.approach === 'oauth' && !missing.ok ? missing : undefined;
  }
  const mode = client.preStep ?? (cell.approach === 'oauth' ? 'client-credentials' : undefined);
  if (!mode) return undefined;
  const metadataUrl = client.metadataUrl ?? defaultMetadataUrl(session.baseUrl);
  if (mode === 'authorization-code') {
    const fields = Object.fromEntries(Object.entries(session.profile.sca.redirect?.fields ?? {}).map(([k, v]) => [k, render(v)]));
    return authorizationCodeGrant(session, { metadataUrl, scope: (client.scopes ?? ['AIS']).join(' '), outcome: 'approve', fields, origin });
  }
  const meta = await fetchMetadata(session, metadataUrl, origin);
  if (!meta.ok) return meta;
  const got = await clientCredentials(session, meta.value.token_endpoint, origin);
  return got.ok ? { ok: true, message: 'the TPP holds a client-credentials token' } : got;
}
