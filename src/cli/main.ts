import { MachineError } from '../lifecycle/machine.js';
import { ProfileError } from '../profile/load.js';
import { ScenarioError } from '../scenario/load.js';
import { SpecError } from '../spec/index.js';
import { allureCommand } from './allure-command.js';
import { checkCommand } from './check-command.js';
import { lintCommand } from '../lint/command.js';
import { detectCommand } from './detect-command.js';
import { proxyCommand } from './proxy-command.js';
import { mergeCommand } from './merge-command.js';
import { runCommand, TargetUnreachable } from './run-command.js';
import { sandboxCommand } from './sandbox-command.js';
import { propertyCommand } from './property-command.js';
import { certsCommand } from './certs-command.js';
import { USAGE, UsageError } from './usage.js';
import { version } from '../version.js';

export const EXIT = { conformant: 0, failed: 1, usage: 2, unreachable: 3 } as const;

const err = (line: string) => process.stderr.write(`${line}\n`);

/** Entry point of the bin: returns the exit code; user errors become one clear message, never a stack. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Output piped into `head` and closed early is not an error of the run.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest);
      case 'check':
        return await checkCommand(rest);
      case 'proxy':
        return await proxyCommand(rest);
      case 'merge':
        return await mergeCommand(rest);
      case 'allure':
        return allureCommand(rest);
      case 'lint':
        return lintCommand(rest);
      case 'sandbox':
        return await sandboxCommand(rest);
      case 'detect':
        return await detectCommand(rest);
      case 'property':
        return await propertyCommand(rest);
      case 'certs':
        return certsCommand(rest);
      case '--version':
      case '-v':
        process.stdout.write(`${version()}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(USAGE);
        return command === undefined ? EXIT.usage : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`xs2a-conformance: ${e.message}\nRun 'xs2a-conformance --help' for the options.`);
      return EXIT.usage;
    }
    if (e instanceof ProfileError || e instanceof ScenarioError || e instanceof SpecError || e instanceof MachineError) {
      const what = e instanceof ProfileError ? 'profile' : e instanceof ScenarioError ? 'scenario' : e instanceof SpecError ? 'spec' : 'state machine';
      err(`xs2a-conformance: invalid ${what}:\n${e.message.split('\n').map((l) => `  ${l}`).join('\n')}`);
      return EXIT.usage;
    }
    if (e instanceof TargetUnreachable) {
      err(`xs2a-conformance: ${e.message}`);
      return EXIT.unreachable;
    }
    throw e;
  }
}
