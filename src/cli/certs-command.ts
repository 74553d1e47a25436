/** `xs2a-conformance certs --out DIR --roles PSP_AI,PSP_PI`: eIDAS test certificates for a TPP and a bank, generated here. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeTestCertificates } from '../certs/generate.js';
import { PSD2_ROLES, type Psd2Role } from '../certs/psd2.js';
import { UsageError } from './usage.js';

export function certsCommand(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        roles: { type: 'string' },
        'nca-name': { type: 'string' },
        'nca-id': { type: 'string' },
        organization: { type: 'string' },
        'organization-id': { type: 'string' },
        hosts: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (!values.out) throw new UsageError('certs needs --out DIR: the folder the certificates are written to');
  const roles = (values.roles ?? PSD2_ROLES.join(',')).split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !PSD2_ROLES.includes(r as Psd2Role));
  if (unknown.length) throw new UsageError(`--roles: unknown role ${unknown.join(', ')}; the PSD2 roles are ${PSD2_ROLES.join(', ')}`);
  const files = writeTestCertificates(resolve(values.out), {
    roles: roles as Psd2Role[],
    ...(values['nca-name'] ? { ncaName: values['nca-name'] } : {}),
    ...(values['nca-id'] ? { ncaId: values['nca-id'] } : {}),
    ...(values.organization ? { organization: values.organization } : {}),
    ...(values['organization-id'] ? { organizationIdentifier: values['organization-id'] } : {}),
    ...(values.hosts ? { hosts: values.hosts.split(',').map((h) => h.trim()).filter(Boolean) } : {}),
  });
  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(`test certificates with roles ${roles.join(', ') || '(none)'} (not for production: the CA is a test CA):`);
  print(`  CA          ${files.ca}  (key ${files.caKey})`);
  print(`  server      ${files.server.cert}  (key ${files.server.key})`);
  print(`  QWAC        ${files.qwac.cert}  (key ${files.qwac.key})`);
  print(`  QSealC      ${files.qsealc.cert}  (key ${files.qsealc.key})`);
  return 0;
}
