import { parseArgs } from 'node:util';
import { DEFECTS, MODE_NAMES, startSandbox } from '../sandbox/index.js';
import { UsageError } from './usage.js';

/** `xs2a-conformance sandbox`: the reference bank as a standalone server until SIGINT/SIGTERM. */
export async function sandboxCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        defect: { type: 'string', multiple: true, default: [] },
        mode: { type: 'string', default: 'standard' },
        'list-defects': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values['list-defects']) {
    for (const [name, d] of Object.entries(DEFECTS)) process.stdout.write(`${name.padEnd(32)} ${d.description} (caught by ${d.caughtBy.join(', ')})\n`);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not '${values.port}'`);
  const unknown = values.defect.filter((d) => !(d in DEFECTS));
  if (unknown.length) throw new UsageError(`unknown defect ${unknown.join(', ')}; known: ${Object.keys(DEFECTS).join(', ')}`);
  if (!(MODE_NAMES as readonly string[]).includes(values.mode)) throw new UsageError(`unknown mode '${values.mode}'; known: ${MODE_NAMES.join(', ')}`);
  let bank;
  try {
    bank = await startSandbox({ port, host: values.host, defects: values.defect, mode: values.mode });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'EADDRINUSE' ? `port ${port} is already in use` : `cannot start the reference bank: ${(e as Error).message}`);
  }
  process.stdout.write(`reference bank listening on ${bank.url} (API under ${bank.url}/v1${bank.mode === 'standard' ? '' : `, emulating ${bank.mode}`})${bank.defects.length ? `, defects: ${bank.defects.join(', ')}` : ''}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await bank.close();
  return 0;
}
