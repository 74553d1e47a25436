import type { MatrixRow } from '../model.js';
import { html, type Html } from './escape.js';

const APPROACH_ORDER = ['redirect', 'embedded', 'decoupled', 'oauth'];
const NONE = '';

function approachRank(a: string): number {
  if (a === NONE) return 1000;
  const i = APPROACH_ORDER.indexOf(a);
  return i === -1 ? 100 : i;
}

function cellHtml(row: MatrixRow | undefined): Html {
  if (!row) return html`<td class="m-cell m-empty" title="no test case in this cell">·</td>`;
  const tone = row.failed ? 'fail' : row.passed ? 'pass' : 'na';
  const word = row.failed ? 'failed' : row.passed ? 'passed' : 'not applicable';
  const title = `${row.passed} passed, ${row.failed} failed, ${row.notApplicable} not applicable`;
  return html`<td class="m-cell m-${tone}" title="${title}">
    <span class="m-word">${word}</span>
    <span class="m-counts">${row.passed ? html`<span>✓ ${row.passed}</span>` : ''}${row.failed ? html`<span>✗ ${row.failed}</span>` : ''}${row.notApplicable ? html`<span>– ${row.notApplicable}</span>` : ''}</span>
  </td>`;
}

/** The service × product × approach matrix: a row per service and product, a column per SCA approach. */
export function renderMatrix(matrix: MatrixRow[]): Html {
  if (matrix.length === 0) return html`<section id="matrix"><h2>Conformance matrix</h2><p class="empty">No test case ran.</p></section>`;
  const approaches = [...new Set(matrix.map((r) => r.approach ?? NONE))].sort((a, b) => approachRank(a) - approachRank(b) || a.localeCompare(b));
  const rowKey = (r: MatrixRow) => `${r.service ?? ''}\u0000${r.product ?? ''}`;
  const rows = new Map<string, { service: string; product?: string; cells: Map<string, MatrixRow> }>();
  for (const r of matrix) {
    const key = rowKey(r);
    const row = rows.get(key) ?? { service: r.service ?? 'any service', ...(r.product ? { product: r.product } : {}), cells: new Map() };
    row.cells.set(r.approach ?? NONE, r);
    rows.set(key, row);
  }
  return html`<section id="matrix">
  <h2>Conformance matrix <span class="h-note">service × product × SCA approach</span></h2>
  <table class="matrix">
    <thead><tr><th class="m-head-row">Service / product</th>${approaches.map((a) => html`<th${a === NONE ? html` title="scenarios that take no SCA step: error handling, reads under a consent"` : ''}>${a === NONE ? 'without SCA' : a}</th>`)}</tr></thead>
    <tbody>
      ${[...rows.values()].map((row, i, all) => {
        // A service's products follow each other: its name heads the first of them only.
        const first = i === 0 || all[i - 1]!.service !== row.service;
        return html`<tr class="${first ? 'm-first' : 'm-more'}"><th class="m-row" scope="row">${first ? html`<span class="m-service">${row.service}</span>` : ''}${row.product ? html`<span class="m-product">${row.product}</span>` : ''}</th>${approaches.map((a) => cellHtml(row.cells.get(a)))}</tr>`;
      })}
    </tbody>
  </table>
  <p class="legend"><span class="swatch m-pass"></span>passed <span class="swatch m-fail"></span>failed <span class="swatch m-na"></span>not applicable (the profile does not offer it) <span class="swatch m-empty"></span>no test case</p>
</section>`;
}
