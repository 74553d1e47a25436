import { createVitest, TestsNotFoundError, type Reporter, type Vitest } from 'vitest/node';
import type { Interrupt } from './interrupt.js';

type VitestOptions = Parameters<typeof createVitest>[1];
type ViteOverrides = Parameters<typeof createVitest>[2];

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * vitest's logger ends the process on SIGINT and SIGTERM (1 ms after the signal): the reports
 * would never be written. Its listeners, added while the instance was created, are removed; the
 * run's Interrupt cancels the run instead.
 */
async function createWithoutSignalExit(options: VitestOptions, overrides: ViteOverrides): Promise<Vitest> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  // What startVitest sets before creating an instance.
  process.env['TEST'] = 'true';
  process.env['VITEST'] = 'true';
  process.env['NODE_ENV'] ??= 'test';
  const vitest = await createVitest('test', options, overrides);
  for (const s of SIGNALS) for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.off(s, l as (...args: unknown[]) => void);
  return vitest;
}

/**
 * Runs the test files once, as `startVitest('test', …)` does, but interruptibly: on the run's first
 * SIGINT or SIGTERM the run is cancelled (no test starts, the ones under way are aborted and
 * reported as skipped) and the reporters' onTestRunEnd still writes the reports of what finished.
 * The bundled bank and every other resource stay the caller's to close.
 */
export async function runVitest(options: VitestOptions & { reporters: Array<Reporter | [string, Record<string, unknown>]> }, overrides: ViteOverrides, files: string[], interrupt: Interrupt): Promise<void> {
  let vitest: Vitest | undefined;
  // vitest forgets a cancel that comes before its run has queued a file, and a second cancel kills
  // the workers at once: the cancel is sent once, when both a signal came and the run is under way.
  let underWay = false;
  let sent = false;
  const cancel = (): void => {
    if (!vitest || !underWay || !interrupt.signal || sent) return;
    sent = true;
    void vitest.cancelCurrentRun('keyboard-input');
  };
  const whenUnderWay: Reporter = {
    onTestModuleQueued: () => {
      underWay = true;
      cancel();
    },
  };
  vitest = await createWithoutSignalExit({ ...options, reporters: [...options.reporters, whenUnderWay] }, overrides);
  interrupt.onSignal(cancel);
  try {
    if (!interrupt.signal) await vitest.start(files);
  } catch (e) {
    if (!(e instanceof TestsNotFoundError)) throw e; // a shard without a file (passWithNoTests) is fine
  } finally {
    await vitest.close();
  }
}
