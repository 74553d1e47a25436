import type { ConformanceReport } from '../model.js';
import { html, type Html } from './escape.js';

function duration(from: string, to: string): string {
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return '';
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const when = (iso: string): string => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');

function card(label: string, value: number, tone: string, title?: string): Html {
  return html`<div class="card ${tone}"${title ? html` title="${title}"` : ''}><div class="card-value">${value}</div><div class="card-label">${label}</div></div>`;
}

/** The top of the page: verdict, what was tested, and the counts. */
export function renderSummary(report: ConformanceReport): Html {
  const { run, summary: s } = report;
  const conformant = s.conformant;
  const facts: Array<[string, Html | string]> = [
    ['Target', html`<code>${run.target}</code>${run.bundledBank ? html` <span class="tag">bundled reference bank</span>` : ''}`],
    ['Profile', html`${run.profile.name} <span class="muted">${run.profile.file}</span>`],
    ['Spec', html`${run.spec.title} ${run.spec.version} <span class="muted" title="SHA-256 ${run.spec.sha256}">sha256 ${run.spec.sha256.slice(0, 12)}…</span>`],
    ['Run', html`${when(run.startedAt)} · ${duration(run.startedAt, run.finishedAt)}`],
  ];
  if (run.defects.length) facts.push(['Defects', html`${run.defects.map((d) => html`<span class="tag warn">${d}</span> `)}`]);
  if (run.shard) facts.push(['Shard', `${run.shard.index} of ${run.shard.count}`]);
  if (run.shards?.length) facts.push(['Merged', `${run.shards.length} shards`]);
  if (run.rerunOf) facts.push(['Rerun of', html`<code>${run.rerunOf}</code>`]);
  if (run.filter) facts.push(['Filter', html`<code>${run.filter}</code>`]);
  if (run.seed !== undefined) facts.push(['Seed', String(run.seed)]);
  return html`<header class="top">
  <div class="top-row">
    <div>
      <div class="brand">xs2a-conformance ${report.tool.version} · NextGenPSD2 XS2A conformance report</div>
      <h1>${run.profile.name}</h1>
    </div>
    <div class="verdict ${conformant ? 'pass' : 'fail'}" id="verdict">${conformant ? 'CONFORMANT' : 'NOT CONFORMANT'}</div>
  </div>
  <dl class="facts">${facts.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
</header>
<section class="cards" aria-label="Counts">
  ${card('test cases', s.tests, 'neutral')}
  ${card('passed', s.passed, s.passed ? 'pass' : 'neutral')}
  ${card('failed', s.failed, s.failed ? 'fail' : 'neutral')}
  ${card('not applicable', s.notApplicable, 'neutral', 'cells the profile does not offer')}
  ${s.skipped ? card('skipped', s.skipped, 'neutral') : ''}
  <div class="card-gap"></div>
  ${card('MUST findings', s.findings.MUST, s.findings.MUST ? 'must' : 'neutral')}
  ${card('SHOULD findings', s.findings.SHOULD, s.findings.SHOULD ? 'should' : 'neutral')}
  ${card('INFO findings', s.findings.INFO, s.findings.INFO ? 'info' : 'neutral')}
  ${s.findings.accepted ? card('accepted', s.findings.accepted, 'neutral', 'deviations the profile accepts') : ''}
</section>`;
}
