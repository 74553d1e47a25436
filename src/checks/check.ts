import type { Exchange, ExchangeOrigin } from '../http/exchange.js';
import type { OperationMatch, Spec } from '../spec/types.js';
import type { ObservationsView } from './observations.js';

/** MUST: a violation fails the run. SHOULD: a warning. INFO: noted. */
export type Level = 'MUST' | 'SHOULD' | 'INFO';

export interface Finding {
  check: string;
  level: Level;
  rule: string;
  message: string;
  /** operationId the exchange matched, when it matched one. */
  operation?: string;
  exchangeId?: string;
  /** The scenario, matrix cell and step whose exchange it judged. */
  origin?: ExchangeOrigin;
  evidence?: Record<string, unknown>;
  /** Set when a profile accepted this deviation: it is reported but does not fail the run. */
  accepted?: { reason: string; until?: string };
}

/** What a check may look at besides the exchange itself. */
export interface CheckContext {
  spec: Spec;
  match?: OperationMatch;
  /** The request body parsed as JSON, when it is JSON. */
  requestJson?: unknown;
  /** The response body parsed as JSON, when it is JSON. */
  responseJson?: unknown;
  /** What earlier exchanges of the run showed (observations.ts), for rules that span exchanges. */
  observations: ObservationsView;
}

/** A finding as a check's judge returns it: the check fills in id, level, rule and operation. */
export interface Verdict {
  message: string;
  evidence?: Record<string, unknown>;
  /** Override the check's level for this verdict (e.g. an unknown error code is only a SHOULD). */
  level?: Level;
}

export interface Check {
  id: string;
  level: Level;
  /** Where the rule comes from: spec operation or Implementation Guidelines section. */
  rule: string;
  /** One sentence: what the check judges. */
  description: string;
  appliesTo(ex: Exchange, ctx: CheckContext): boolean;
  judge(ex: Exchange, ctx: CheckContext): Verdict[];
}

export function defineCheck(check: Check): Check {
  return check;
}

export function verdict(message: string, evidence?: Record<string, unknown>, level?: Level): Verdict {
  return { message, ...(evidence ? { evidence } : {}), ...(level ? { level } : {}) };
}
