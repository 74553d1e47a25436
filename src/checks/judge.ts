import { jsonBodyOf, headerOf, mediaTypeOf, type Exchange } from '../http/exchange.js';
import type { Spec } from '../spec/types.js';
import type { Check, CheckContext, Finding } from './check.js';
import { Observations, type ObservationsView } from './observations.js';

function parsedJson(headers: Record<string, string> | undefined, body: string | undefined): unknown {
  const media = mediaTypeOf(headerOf(headers, 'content-type')) ?? '';
  return media.endsWith('json') ? jsonBodyOf(body) : undefined;
}

/** The context every check of one exchange shares; without a store, nothing earlier is known. */
export function contextOf(ex: Exchange, spec: Spec, basePath?: string, observations: ObservationsView = new Observations()): CheckContext {
  return {
    spec,
    match: spec.match(ex.request.method, ex.request.url, basePath),
    requestJson: parsedJson(ex.request.headers, ex.request.body),
    responseJson: ex.response ? parsedJson(ex.response.headers, ex.response.body) : undefined,
    observations,
  };
}

/** Run the checks on one exchange. A check that throws is reported as an INFO finding of its own, not a crash. */
export function judgeExchange(ex: Exchange, checks: readonly Check[], ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const operation = ctx.match?.operation.operationId;
  for (const check of checks) {
    let verdicts;
    try {
      if (!check.appliesTo(ex, ctx)) continue;
      verdicts = check.judge(ex, ctx);
    } catch (err) {
      verdicts = [{ message: `the check itself failed: ${(err as Error).message}`, level: 'INFO' as const }];
    }
    for (const v of verdicts) {
      findings.push({
        check: check.id,
        level: v.level ?? check.level,
        rule: check.rule,
        message: v.message,
        ...(operation ? { operation } : {}),
        exchangeId: ex.id,
        ...(ex.origin ? { origin: ex.origin } : {}),
        ...(v.evidence ? { evidence: v.evidence } : {}),
      });
    }
  }
  return findings;
}
