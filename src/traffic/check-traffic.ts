import type { Finding } from '../checks/check.js';
import type { Exchange } from '../http/exchange.js';
import type { ObservedEdge } from '../lifecycle/tracker.js';
import { ExchangeJudge, type ExchangeJudgeOptions } from '../run/exchange-judge.js';

/** A request of the traffic that matches no operation of the spec: listed, not fatal. */
export interface UnmatchedRequest {
  method: string;
  path: string;
  count: number;
  /** Id of the first exchange seen with it. */
  first: string;
}

export interface TrafficVerdict {
  exchanges: number;
  matched: number;
  /** Exchanges that got no response (status 0 in a HAR). */
  withoutResponse: number;
  findings: Finding[];
  /** Redacted exchanges the findings point at (only those: memory stays bounded). */
  evidence: Exchange[];
  unmatched: UnmatchedRequest[];
  /** Every operation at least one exchange matched, in the order first seen. */
  operations: string[];
  edges: ObservedEdge[];
  /** Set when the stream ended early on a broken record; everything before it was judged. */
  error?: string;
}

const MAX_UNMATCHED_KINDS = 200;

/** Path without query, with identifiers folded, so unmatched requests group by shape. */
function shapeOf(url: string): string {
  let path: string;
  try {
    path = new URL(url, 'http://x').pathname;
  } catch {
    path = url;
  }
  return path
    .split('/')
    .map((seg) => (looksLikeId(seg) ? '{id}' : seg))
    .join('/');
}

/** A path segment that is an identifier rather than a name: numbers, UUIDs, long tokens with digits. */
const looksLikeId = (seg: string): boolean => /^\d+$/.test(seg) || (seg.length >= 8 && /\d/.test(seg));

/**
 * Judge recorded traffic in order, as a stream: every exchange check and the lifecycle tracker.
 * A broken record stops the stream; what came before is judged and reported.
 */
export async function checkTraffic(exchanges: AsyncIterable<Exchange>, options: ExchangeJudgeOptions): Promise<TrafficVerdict> {
  const judge = new ExchangeJudge(options);
  const verdict: TrafficVerdict = { exchanges: 0, matched: 0, withoutResponse: 0, findings: [], evidence: [], unmatched: [], operations: [], edges: [] };
  const operations = new Set<string>();
  const unmatched = new Map<string, UnmatchedRequest>();
  try {
    for await (const ex of exchanges) {
      verdict.exchanges++;
      if (!ex.response) verdict.withoutResponse++;
      const { findings, match } = judge.judge(ex);
      if (match) {
        verdict.matched++;
        operations.add(match.operation.operationId);
      } else {
        const key = `${ex.request.method} ${shapeOf(ex.request.url)}`;
        const seen = unmatched.get(key);
        if (seen) seen.count++;
        else if (unmatched.size < MAX_UNMATCHED_KINDS) unmatched.set(key, { method: ex.request.method, path: shapeOf(ex.request.url), count: 1, first: ex.id });
      }
      if (findings.length) {
        verdict.findings.push(...findings);
        verdict.evidence.push(judge.redact(ex));
      }
    }
  } catch (err) {
    verdict.error = (err as Error).message;
  }
  verdict.findings.push(...judge.finish());
  verdict.unmatched = [...unmatched.values()];
  verdict.operations = [...operations];
  verdict.edges = judge.edges();
  return verdict;
}
