/**
 * The bank's clock: every judgement of the bank that depends on the time (a consent's validUntil,
 * the expiry of a used one-off consent, lastActionDate, the day an unattended access counts
 * against, an execution date in the past, timestamps it writes) asks it. Booking histories are
 * data: they stay anchored to the calendar day, and moving the clock only makes them older.
 *
 * Tests move it in-process (`startSandbox({ clock })`, `RunningSandbox.clock`) or over HTTP
 * through the sandbox-only hooks of `hooks.ts`.
 */
import { today } from './dates.js';

export class SandboxClock {
  #offsetMs = 0;

  /** @param source the time it starts from: the real time (default), or a fixed instant. */
  constructor(private readonly source: () => number = Date.now) {}

  /** A clock standing still at `at` until it is advanced (deterministic tests). */
  static fixed(at: Date | string): SandboxClock {
    const ms = new Date(at).getTime();
    if (Number.isNaN(ms)) throw new Error(`not a time: ${String(at)}`);
    return new SandboxClock(() => ms);
  }

  /** The bank's time; `extraMs` is what a resource with a clock of its own is ahead of the bank. */
  now(extraMs = 0): Date {
    return new Date(this.source() + this.#offsetMs + extraMs);
  }

  /** The bank's date (YYYY-MM-DD, UTC). */
  today(extraMs = 0): string {
    return today(this.now(extraMs));
  }

  /** Moves the bank's time on by whole seconds; returns the new time. */
  advance(seconds: number): Date {
    if (!Number.isInteger(seconds) || seconds < 0) throw new RangeError(`the clock only moves forward by whole seconds, not ${seconds}`);
    this.#offsetMs += seconds * 1000;
    return this.now();
  }
}
