import type { ConformanceReport, ReportTest } from '../model.js';
import { cls, html, type Html } from './escape.js';

const STATE_LABEL: Record<ReportTest['state'], string> = { passed: 'passed', failed: 'failed', 'not-applicable': 'not applicable', skipped: 'skipped' };
const ORDER: ReportTest['state'][] = ['failed', 'passed', 'not-applicable', 'skipped'];

/** Every test case: failed first, with its failed expectations or the reason it did not apply. */
function failingChecks(report: ConformanceReport, test: ReportTest): Html {
  const counts = new Map<string, number>();
  for (const f of report.findings) if (f.test === test.name && f.level === 'MUST' && !f.accepted) counts.set(f.check, (counts.get(f.check) ?? 0) + 1);
  if (counts.size === 0) return html``;
  return html`<ul class="failures">${[...counts].map(([check, n]) => html`<li>MUST ${check}${n > 1 ? ` ×${n}` : ''}</li>`)}</ul>`;
}

export function renderTests(report: ConformanceReport): Html {
  const tests = [...report.tests].sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.name.localeCompare(b.name));
  return html`<section id="tests">
  <h2>Test cases <span class="h-note">${report.tests.length}</span></h2>
  ${tests.length === 0
    ? html`<p class="empty">No test case ran.</p>`
    : html`<table class="tests">
    <thead><tr><th>Result</th><th>Scenario</th><th>Cell</th><th class="num">Findings</th><th class="num">Time</th></tr></thead>
    <tbody>${tests.map(
      (t) => html`<tr class="t-${cls(t.state)}">
        <td><span class="state ${cls(t.state)}">${STATE_LABEL[t.state]}</span></td>
        <td><div class="t-name">${t.name.replace(/ \[[^\]]*\]$/, '').replace(/^[^>]*> /, '')}</div>${t.scenario ? html`<div class="muted"><code>${t.scenario}</code></div>` : ''}
          ${t.failures.length ? html`<ul class="failures">${t.failures.map((f) => html`<li>${f}</li>`)}</ul>` : ''}
          ${t.state === 'failed' ? failingChecks(report, t) : ''}
          ${t.notApplicable ? html`<div class="muted">${t.notApplicable}</div>` : ''}</td>
        <td class="t-cell">${t.cell ? [t.cell.service, t.cell.product, t.cell.approach].filter(Boolean).join(' / ') || 'any' : ''}</td>
        <td class="num">${t.findings || ''}</td>
        <td class="num">${t.state === 'passed' || t.state === 'failed' ? `${(t.durationMs / 1000).toFixed(2)} s` : ''}</td>
      </tr>`,
    )}</tbody>
  </table>`}
</section>`;
}
