import type { Finding } from '../checks/check.js';
import type { Exchange } from '../http/exchange.js';
import type { ObservedEdge } from '../lifecycle/tracker.js';
import type { StepResult } from '../scenario/interpreter.js';
import type { Cell } from '../scenario/types.js';

/** What each scenario test sends from its worker to the reporters (task meta). */
export interface ScenarioTestMeta {
  scenario: string;
  title: string;
  source: string;
  cell: Cell;
  /** Set when the profile does not offer this cell: reported as not applicable, never as passed. */
  notApplicable?: string;
  steps: StepResult[];
  failures: string[];
  findings: Finding[];
  exchanges: Exchange[];
  /** Status transitions the lifecycle tracker observed in this test. */
  transitions?: ObservedEdge[];
}

declare module '@vitest/runner' {
  interface TaskMeta {
    xs2a?: ScenarioTestMeta;
  }
}
