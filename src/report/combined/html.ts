/** combined.html: one self-contained page, the bank × check matrix of a run against several banks. */
import { cls, html, raw, type Html } from '../html/escape.js';
import type { CombinedReport, DeviationCell } from './model.js';

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1d2330}table{border-collapse:collapse}th,td{border:1px solid #d0d5dd;padding:.35rem .6rem;text-align:left;vertical-align:top}th{background:#f2f4f7}td.clean{color:#667085}.must{color:#b42318;font-weight:600}.should{color:#b54708}.info{color:#175cd3}.accepted{color:#475467;font-style:italic}.ok{color:#067647;font-weight:600}.fail{color:#b42318;font-weight:600}`;

function cell(c: DeviationCell | undefined): Html {
  if (!c) return html`<td class="clean">–</td>`;
  const parts: Html[] = [];
  for (const level of ['MUST', 'SHOULD', 'INFO'] as const) if (c[level]) parts.push(html`<span class="${cls(level)}">${c[level]} ${level}</span> `);
  if (c.accepted) parts.push(html`<span class="accepted">${c.accepted} accepted</span>`);
  return html`<td>${parts}</td>`;
}

export function renderCombinedHtml(report: CombinedReport): string {
  const head = report.checks.map((c) => html`<th>${c}</th>`);
  const rows = report.banks.map((b) => {
    const verdict = b.error ? html`<span class="fail">${b.error}</span>` : b.conformant ? html`<span class="ok">conformant</span>` : html`<span class="fail">not conformant</span>`;
    const link = html`<a href="${`${b.reportDir}/report.html`}">${b.name}</a>`;
    return html`<tr><th>${link}<br><small>${b.profile}</small></th><td>${verdict}<br><small>exit ${b.exitCode}</small></td>${report.checks.map((c) => cell(b.deviations[c]))}</tr>`;
  });
  const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>xs2a-conformance: ${report.banks.length} banks</title><style>${raw(STYLE)}</style></head>
<body><h1>xs2a-conformance: ${report.banks.length} banks</h1>
<p>Exit code ${report.exitCode} (the worst bank's). Generated ${report.generatedAt} by xs2a-conformance ${report.tool.version}. Cells count each check's findings by level; accepted deviations are counted apart.</p>
<table><thead><tr><th>Bank</th><th>Verdict</th>${head}</tr></thead><tbody>${rows}</tbody></table>
${report.checks.length === 0 ? html`<p>No bank has a finding.</p>` : ''}</body></html>
`;
  return page.text;
}
