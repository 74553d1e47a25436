import type { Level } from '../../checks/check.js';
import type { Exchange } from '../../http/exchange.js';
import { curlVariables } from '../curl.js';
import { requestText, responseText } from '../http-text.js';
import type { ConformanceReport, ReportFinding } from '../model.js';
import { cls, html, type Html } from './escape.js';

const LEVELS: Level[] = ['MUST', 'SHOULD', 'INFO'];
const MAX_TEXT = 100_000;

function clipped(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  return `${text.slice(0, MAX_TEXT)}\n… (${text.length - MAX_TEXT} more characters; the whole exchange is in traffic.har)`;
}

function exchangeHtml(ex: Exchange): Html {
  return html`<div class="exchange">
    <div class="ex-part"><h4>Request</h4><pre>${clipped(requestText(ex))}</pre></div>
    <div class="ex-part"><h4>Response <span class="muted">${Math.round(ex.durationMs)} ms</span></h4><pre>${clipped(responseText(ex))}</pre></div>
  </div>`;
}

function reproduceHtml(curl: string): Html {
  const vars = curlVariables(curl);
  return html`<div class="repro">
    <h4>Reproduce <button type="button" class="copy" title="Copy the command">Copy</button></h4>
    <pre class="curl">${curl}</pre>
    ${vars.length ? html`<p class="muted">Set ${vars.map((v, i) => html`${i ? ', ' : ''}<code>$${v}</code>`)} first: the report holds no secret.</p>` : ''}
  </div>`;
}

function replayHtml(f: ReportFinding): Html {
  const e = f.evidence ?? {};
  return html`<div class="repro">
    <h4>Replay the counterexample <button type="button" class="copy" title="Copy the command">Copy</button></h4>
    <pre class="curl">${f.replay ?? ''}</pre>
    <p class="muted">Property <code>${String(e['property'] ?? '')}</code>, seed <code>${String(e['seed'] ?? '')}</code>, path <code>${String(e['path'] ?? '')}</code>: ${String(e['counterexample'] ?? '')}</p>
  </div>`;
}

function findingHtml(f: ReportFinding, exchanges: Map<string, Exchange>): Html {
  const ex = f.exchangeId ? exchanges.get(f.exchangeId) : undefined;
  const where = [f.scenario ? `${f.scenario}${f.step ? ` › ${f.step}` : ''}` : undefined, f.operation, f.cell].filter(Boolean).join(' · ');
  return html`<details class="finding" data-level="${f.level}">
  <summary><span class="f-message">${f.message}</span><span class="f-where">${where}</span>${f.accepted ? html`<span class="tag">accepted</span>` : ''}</summary>
  <div class="f-body">
    <dl class="kv">
      ${f.test ? html`<div><dt>Test case</dt><dd>${f.test}</dd></div>` : ''}
      ${f.operation ? html`<div><dt>Operation</dt><dd><code>${f.operation}</code></dd></div>` : ''}
      ${f.step ? html`<div><dt>Step</dt><dd><code>${f.step}</code></dd></div>` : ''}
      ${f.accepted ? html`<div><dt>Accepted</dt><dd>${f.accepted.reason}${f.accepted.until ? ` (until ${f.accepted.until})` : ''}</dd></div>` : ''}
    </dl>
    ${f.evidence ? html`<h4>Evidence</h4><pre>${clipped(JSON.stringify(f.evidence, null, 2))}</pre>` : ''}
    ${ex ? exchangeHtml(ex) : ''}
    ${f.replay ? replayHtml(f) : ''}
    ${f.curl ? reproduceHtml(f.curl) : ''}
  </div>
</details>`;
}

/** Findings grouped by check (MUST first), each folded open on click, with a level filter. */
export function renderFindings(report: ConformanceReport): Html {
  const exchanges = new Map(report.exchanges.map((e) => [e.id, e]));
  const byCheck = new Map<string, ReportFinding[]>();
  for (const f of report.findings) byCheck.set(f.check, [...(byCheck.get(f.check) ?? []), f]);
  const groups = [...byCheck.entries()].sort(
    ([a, fa], [b, fb]) => LEVELS.indexOf(fa[0]!.level) - LEVELS.indexOf(fb[0]!.level) || fb.length - fa.length || a.localeCompare(b),
  );
  const count = (level: Level) => report.findings.filter((f) => f.level === level).length;
  return html`<section id="findings">
  <div class="section-head">
    <h2>Findings <span class="h-note">${report.findings.length} in ${byCheck.size} check${byCheck.size === 1 ? '' : 's'}</span></h2>
    <div class="filter" role="group" aria-label="Show findings of level">
      <span class="muted">Show</span>
      ${LEVELS.map((l) => html`<label class="level-toggle ${cls(l)}"><input type="checkbox" name="level" value="${l}" checked> ${l} <span class="muted">${count(l)}</span></label>`)}
    </div>
  </div>
  ${report.findings.length === 0 ? html`<p class="empty">No check found anything to report.</p>` : ''}
  ${groups.map(([check, list]) => {
    const level = list[0]!.level;
    const levels = [...new Set(list.map((f) => f.level))];
    return html`<section class="check" data-levels="${levels.join(' ')}">
    <div class="check-head"><span class="level ${cls(level)}">${level}</span><h3><code>${check}</code></h3><span class="count">${list.length} finding${list.length === 1 ? '' : 's'}</span></div>
    <p class="rule">${list[0]!.rule}</p>
    <div class="finding-list">${list.map((f) => findingHtml(f, exchanges))}</div>
  </section>`;
  })}
  <p class="empty filtered-out" hidden>No finding of the chosen levels.</p>
</section>`;
}
