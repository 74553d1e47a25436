/** SIGINT (Ctrl-C) and SIGTERM during a run: the first one asks the run to stop and write what it has. */

export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/** The exit code of a run a signal ended (128 + the signal's number, as shells report it). */
export const SIGNAL_EXIT: Record<InterruptSignal, number> = { SIGINT: 130, SIGTERM: 143 };

const SIGNALS: readonly InterruptSignal[] = ['SIGINT', 'SIGTERM'];

/**
 * Listens for SIGINT and SIGTERM from its creation until `dispose()`. The first signal is recorded
 * and handed to every `onSignal` callback (also to one registered later), so that the run can stop
 * gracefully; a second signal ends the process at once with that signal's exit code.
 */
export class Interrupt {
  #signal?: InterruptSignal;
  readonly #callbacks: Array<(signal: InterruptSignal) => void> = [];
  readonly #listener = (signal: InterruptSignal): void => {
    if (this.#signal) {
      process.stderr.write(`xs2a-conformance: ${signal} again: stopping now, without reports\n`);
      process.exit(SIGNAL_EXIT[signal]);
    }
    this.#signal = signal;
    for (const callback of this.#callbacks) callback(signal);
  };

  constructor() {
    for (const s of SIGNALS) process.on(s, this.#listener);
  }

  /** The signal that came, if one did. */
  get signal(): InterruptSignal | undefined {
    return this.#signal;
  }

  onSignal(callback: (signal: InterruptSignal) => void): void {
    if (this.#signal) callback(this.#signal);
    else this.#callbacks.push(callback);
  }

  dispose(): void {
    for (const s of SIGNALS) process.off(s, this.#listener);
  }
}
