import { createHash } from 'node:crypto';
import type { ConformanceReport } from '../model.js';
import { html, raw } from './escape.js';
import { renderFindings } from './findings.js';
import { renderMatrix } from './matrix.js';
import { SCRIPT } from './script.js';
import { renderStateGraphs } from './state-graph.js';
import { STYLES } from './styles.js';
import { renderSummary } from './summary.js';
import { renderTests } from './tests.js';

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The policy the page runs under: nothing may load from anywhere, and only this page's own
 * stylesheet and script (by hash) run; an escaping mistake could not fetch or execute anything.
 */
const POLICY = `default-src 'none'; style-src ${sha256(STYLES)}; script-src ${sha256(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;

/** report.html: one self-contained file (inline CSS, JS and SVG; no URL it would load). */
export function renderReportHtml(report: ConformanceReport): string {
  const title = `${report.summary.conformant ? 'Conformant' : 'Not conformant'}: ${report.run.profile.name} · xs2a-conformance`;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${raw(STYLES)}</style>
</head>
<body>
<main>
${renderSummary(report)}
<nav class="toc" aria-label="Sections"><a href="#matrix">Matrix</a><a href="#findings">Findings</a>${report.stateGraphs?.length ? html`<a href="#state-graphs">State transitions</a>` : ''}<a href="#tests">Test cases</a></nav>
${report.errors.length ? html`<section class="run-errors" id="errors"><h2>The run itself had problems</h2><ul class="errors">${report.errors.map((e) => html`<li>${e}</li>`)}</ul></section>` : ''}
${renderMatrix(report.matrix)}
${renderFindings(report)}
${renderStateGraphs(report.stateGraphs)}
${renderTests(report)}
<footer>Written by xs2a-conformance ${report.tool.version} at ${report.run.finishedAt}. Exchanges are redacted copies: no credential is in this file.</footer>
</main>
<script>${raw(SCRIPT)}</script>
</body>
</html>
`;
  return page.text;
}
