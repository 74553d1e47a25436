import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthority, issueQwac } from '../../src/certs/generate.js';
import { CHECKS, Observations } from '../../src/checks/index.js';
import { Client } from '../../src/http/client.js';
import { bundled } from '../../src/paths.js';
import { loadProfile } from '../../src/profile/load.js';
import { runPropertySuite } from '../../src/properties/run.js';
import type { PropertyResult } from '../../src/properties/model.js';
import { type BundledBank, startBundledBank } from '../../src/run/bundled-bank.js';
import { clientFor, roleClientsFor } from '../../src/run/client-for.js';
import { Session } from '../../src/run/session.js';
import { DEFECTS } from '../../src/sandbox/index.js';
import { loadSpec } from '../../src/spec/index.js';
import { failedChecks } from './harness.js';

const mtlsProfile = () => loadProfile(join(bundled.profile(), '..', 'reference-bank-mtls.yaml'));

async function identityProperties(defects: string[], only?: string[]): Promise<PropertyResult[]> {
  const profile = mtlsProfile();
  const started = await startBundledBank(profile, defects);
  const run = { identity: started.identity!, timeoutMs: 10_000 };
  const client = clientFor(run, profile);
  const roleClients = roleClientsFor(run, profile);
  try {
    const spec = await loadSpec(bundled.spec());
    const observations = new Observations();
    return await runPropertySuite({
      session: (c) => new Session(started.bank.url, spec, profile, c ?? client, CHECKS, observations),
      seed: 99,
      numRuns: 10,
      roleClients,
      ...(only ? { only } : {}),
    });
  } finally {
    await Promise.all([client.close(), ...Object.values(roleClients).map((c) => c.client.close())]);
    await started.close();
  }
}

const SIGNING_AND_ROLES = ['signing.digest-algorithms', 'signing.signature-missing', 'signing.digest-mismatch', 'signing.signature-tampered', 'signing.certificate-missing', 'cross.digest-with-signature', 'roles.ais-only.pis', 'roles.ais-only.piis', 'roles.pis-only.ais', 'roles.pis-only.piis'];

describe('the bank demanding mTLS and signatures', () => {
  it('holds the signing and role properties when clean', async () => {
    const results = await identityProperties([], SIGNING_AND_ROLES);
    expect(results.map((r) => r.property).sort()).toEqual([...SIGNING_AND_ROLES].sort());
    expect(results.filter((r) => r.state !== 'passed').map((r) => `${r.property}: ${r.findings.map((f) => f.message).join('; ')}`)).toEqual([]);
  });

  for (const [defect, only] of [
    ['digest-ignored', ['signing.digest-mismatch', 'signing.signature-missing']],
    ['signature-not-verified', ['signing.signature-tampered', 'signing.digest-mismatch']],
    ['certificate-roles-ignored', ['roles.pis-only.ais', 'signing.signature-tampered']],
  ] as const) {
    it(`catches ${defect} with ${DEFECTS[defect]!.caughtBy.join(', ')}`, async () => {
      const results = await identityProperties([defect], [...only]);
      const caught = failedChecks(results);
      for (const check of DEFECTS[defect]!.caughtBy) expect([...caught.keys()]).toContain(check);
      // only the property aimed at the defect fails: the others still hold
      expect(results.find((r) => r.property === only[1])!.state).toBe('passed');
    });
  }
});

describe('the TLS and signing answers of the bank', () => {
  let started: BundledBank;
  let signed: Client;
  beforeAll(async () => {
    started = await startBundledBank(mtlsProfile(), []);
    signed = clientFor({ identity: started.identity! }, mtlsProfile());
  });
  afterAll(async () => {
    await signed.close();
    await started.close();
  });

  const accounts = (client: Client) => client.send({ method: 'GET', url: `${started.bank.url}/v1/accounts`, headers: { 'X-Request-ID': '6a1c3e1f-3a55-4a59-9d3c-4a1f5d1f0c11', 'Consent-ID': 'unknown' } });
  const codeOf = (body: string | undefined) => (JSON.parse(body ?? '{}') as { tppMessages?: Array<{ code: string }> }).tppMessages?.[0]?.code;

  it('serves HTTPS; the identity passes, and an unknown consent is the next problem', async () => {
    expect(started.bank.url).toMatch(/^https:/);
    const ex = await accounts(signed);
    expect(ex.response?.status).toBe(403);
    expect(codeOf(ex.response?.body)).toBe('CONSENT_UNKNOWN');
  });

  it('no client certificate: 401 CERTIFICATE_MISSING (the handshake succeeds; the SCA pages need none)', async () => {
    const ca = readFileSync(started.identity!.tls!.ca, 'utf8');
    // trust the bank's CA without presenting a certificate
    const agent = new Agent({ connect: { ca } });
    const res = await request(`${started.bank.url}/v1/accounts`, { dispatcher: agent, headers: { 'x-request-id': '6a1c3e1f-3a55-4a59-9d3c-4a1f5d1f0c11', 'consent-id': 'x' } });
    expect(res.statusCode).toBe(401);
    expect(codeOf(await res.body.text())).toBe('CERTIFICATE_MISSING');
    await agent.close();
  });

  it('a QWAC from another CA: 401 CERTIFICATE_INVALID; one without PSP_AI on an AIS call: 401 ROLE_INVALID', async () => {
    const ca = readFileSync(started.identity!.tls!.ca, 'utf8');
    const stranger = issueQwac(createTestAuthority('another CA'), { roles: ['PSP_AI'] });
    const foreign = new Client({ tls: { certPem: stranger.certPem, keyPem: stranger.keyPem, caPem: ca } });
    const ex = await accounts(foreign);
    expect(ex.response?.status).toBe(401);
    expect(codeOf(ex.response?.body)).toBe('CERTIFICATE_INVALID');
    await foreign.close();
    const pisOnly = roleClientsFor({ identity: started.identity! }, mtlsProfile())['pis-only']!.client;
    const denied = await accounts(pisOnly);
    expect(denied.response?.status).toBe(401);
    expect(codeOf(denied.response?.body)).toBe('ROLE_INVALID');
    await pisOnly.close();
  });
});
