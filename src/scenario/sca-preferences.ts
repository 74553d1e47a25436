/**
 * The TPP's steering headers for an SCA approach (DOMAIN §4.1), so that one scenario can run in
 * every approach cell: {{sca.redirectPreferred}} and {{sca.decoupledPreferred}} are the values of
 * TPP-Redirect-Preferred and TPP-Decoupled-Preferred that ask for the cell's approach, and
 * {{sca.header}} the ASPSP-SCA-Approach the bank answers with (OAuth is reported as REDIRECT).
 */
export interface ScaPreferences {
  redirectPreferred: 'true' | 'false';
  decoupledPreferred: 'true' | 'false';
  header: 'REDIRECT' | 'EMBEDDED' | 'DECOUPLED';
}

const PREFERENCES: Readonly<Record<string, ScaPreferences>> = {
  redirect: { redirectPreferred: 'true', decoupledPreferred: 'false', header: 'REDIRECT' },
  oauth: { redirectPreferred: 'true', decoupledPreferred: 'false', header: 'REDIRECT' },
  embedded: { redirectPreferred: 'false', decoupledPreferred: 'false', header: 'EMBEDDED' },
  decoupled: { redirectPreferred: 'false', decoupledPreferred: 'true', header: 'DECOUPLED' },
};

export function scaPreferences(approach: string): ScaPreferences | undefined {
  return PREFERENCES[approach];
}
