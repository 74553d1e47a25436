/** The report's stylesheet, inlined: the page loads nothing from anywhere. */
export const STYLES = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --panel: #fff;
  --pass: #1a7f37; --pass-bg: #dafbe1; --pass-line: #aceebb; --fail: #cf222e; --fail-bg: #ffebe9; --fail-line: #ffcecb;
  --na: #59636e; --na-bg: #eff2f5; --should: #9a6700; --should-bg: #fff8c5; --info: #0969da; --info-bg: #ddf4ff;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 28px 48px; }
code, pre { font-family: var(--mono); font-size: 12.5px; }
h1 { font-size: 24px; margin: 2px 0 0; font-weight: 650; letter-spacing: -0.01em; }
h2 { font-size: 17px; margin: 0 0 14px; font-weight: 650; }
h3 { font-size: 14px; margin: 0; font-weight: 600; }
h4 { font-size: 12px; margin: 14px 0 6px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); display: flex; align-items: center; gap: 10px; }
.muted { color: var(--muted); }
.h-note { font-size: 13px; font-weight: 400; color: var(--muted); margin-left: 6px; }
.empty { color: var(--muted); margin: 4px 0; }
.tag { display: inline-block; padding: 0 7px; border-radius: 999px; font-size: 12px; border: 1px solid var(--line); background: var(--bg); color: var(--muted); vertical-align: 1px; }
.tag.warn { border-color: #eac54f; background: var(--should-bg); color: var(--should); }
.tag.bad { border-color: var(--fail-line); background: var(--fail-bg); color: var(--fail); }
section, header.top { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px; margin: 0 0 18px; }
header.top { border-top: 4px solid var(--fg); }
.top-row { display: flex; justify-content: space-between; align-items: flex-start; gap: 24px; flex-wrap: wrap; }
.brand { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
.verdict { font-weight: 700; font-size: 15px; letter-spacing: 0.06em; padding: 9px 18px; border-radius: 8px; color: #fff; white-space: nowrap; }
.verdict.pass { background: var(--pass); }
.verdict.fail { background: var(--fail); }
dl { margin: 0; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(270px, 1fr)); gap: 10px 28px; margin-top: 16px; padding-top: 14px; border-top: 1px solid var(--line); }
dl.facts dt, dl.kv dt { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
dl.facts dd, dl.kv dd { margin: 1px 0 0; overflow-wrap: anywhere; }
nav.toc { display: flex; gap: 18px; margin: -6px 2px 16px; font-size: 13px; }
nav.toc a { color: var(--muted); text-decoration: none; }
nav.toc a:hover { color: var(--fg); text-decoration: underline; }
section.cards { display: flex; flex-wrap: wrap; gap: 10px; padding: 0; background: none; border: 0; }
.card { flex: 1 1 110px; background: var(--panel); border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.card-gap { flex: 0 0 8px; }
.card-value { font-size: 24px; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; }
.card-label { font-size: 12px; color: var(--muted); }
.card.pass { border-left-color: var(--pass); } .card.pass .card-value { color: var(--pass); }
.card.fail, .card.must { border-left-color: var(--fail); } .card.fail .card-value, .card.must .card-value { color: var(--fail); }
.card.should { border-left-color: #d4a72c; } .card.should .card-value { color: var(--should); }
.card.info { border-left-color: var(--info); } .card.info .card-value { color: var(--info); }
table { border-collapse: collapse; width: 100%; }
table.matrix { border-collapse: separate; border-spacing: 6px; margin: -6px; width: auto; min-width: 60%; }
table.matrix th { font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; text-align: center; padding: 4px 8px; }
table.matrix th.m-head-row { text-align: left; }
th.m-row { text-align: left !important; text-transform: none !important; letter-spacing: 0 !important; padding-right: 18px !important; white-space: nowrap; }
.m-service { display: block; color: var(--fg); font-size: 14px; font-weight: 600; }
.m-product { display: block; color: var(--muted); font-weight: 400; font-size: 12.5px; }
td.m-cell { min-width: 150px; height: 46px; text-align: center; border-radius: 7px; border: 1px solid; padding: 4px 12px; vertical-align: middle; }
tr.m-first:not(:first-child) > * { border-top-width: 1px; }
tr.m-first:not(:first-child) th.m-row { padding-top: 12px !important; }
tr.m-more th.m-row { vertical-align: middle; }
.m-word { display: block; font-weight: 650; font-size: 13px; }
.m-counts { display: block; font-size: 12px; font-variant-numeric: tabular-nums; }
.m-counts span + span { margin-left: 10px; }
.m-pass { background: var(--pass-bg); border-color: var(--pass-line) !important; color: #116329; }
.m-fail { background: var(--fail-bg); border-color: var(--fail-line) !important; color: #a40e26; }
.m-na { background: var(--na-bg); border-color: var(--line) !important; color: var(--na); }
.m-empty { background: transparent; border: 1px dashed var(--line) !important; color: #afb8c1; }
.legend { margin: 16px 0 0; font-size: 12.5px; color: var(--muted); display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 4px; border: 1px solid; margin-left: 10px; vertical-align: -2px; }
.swatch:first-child { margin-left: 0; }
.section-head { display: flex; justify-content: space-between; align-items: baseline; flex-wrap: wrap; gap: 12px; }
.filter { display: flex; gap: 8px; align-items: center; font-size: 13px; }
.level-toggle { display: inline-flex; gap: 5px; align-items: center; border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px 2px 7px; cursor: pointer; user-select: none; }
.level-toggle input { margin: 0; accent-color: var(--fg); }
.level { display: inline-block; min-width: 62px; text-align: center; font-size: 11.5px; font-weight: 700; letter-spacing: 0.05em; padding: 2px 8px; border-radius: 5px; }
.level.must { background: var(--fail); color: #fff; }
.level.should { background: var(--should-bg); color: var(--should); border: 1px solid #eac54f; }
.level.info { background: var(--info-bg); color: var(--info); border: 1px solid #b6e3ff; }
section.check { border: 1px solid var(--line); border-radius: 8px; padding: 0; margin: 12px 0 0; overflow: hidden; }
.check-head { display: flex; align-items: center; gap: 12px; padding: 11px 16px; background: var(--bg); border-bottom: 1px solid var(--line); }
.check-head .count { margin-left: auto; color: var(--muted); font-size: 13px; }
.rule { margin: 0; padding: 8px 16px; color: var(--muted); font-size: 13px; border-bottom: 1px solid var(--line); }
details.finding + details.finding { border-top: 1px solid #eaeef2; }
details.finding > summary { cursor: pointer; padding: 8px 16px 8px 34px; display: flex; gap: 16px; align-items: baseline; list-style: none; position: relative; }
details.finding > summary::-webkit-details-marker { display: none; }
details.finding > summary::before { content: "▸"; position: absolute; left: 16px; color: var(--muted); }
details.finding[open] > summary::before { content: "▾"; }
details.finding > summary:hover { background: #f6f8fa; }
details.finding[open] > summary { background: #f6f8fa; border-bottom: 1px solid #eaeef2; }
.f-message { font-weight: 500; }
.f-where { margin-left: auto; color: var(--muted); font-size: 12.5px; text-align: right; font-family: var(--mono); }
.f-body { padding: 4px 16px 16px 34px; }
dl.kv { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 8px 24px; margin-top: 10px; }
pre { margin: 0; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow: auto; max-height: 440px; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.45; }
pre.curl { background: #1f2328; color: #e6edf3; border-color: #1f2328; }
.exchange { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 14px; }
@media (max-width: 900px) { .exchange { grid-template-columns: minmax(0, 1fr); } .f-where { display: none; } }
button.copy { font: inherit; font-size: 11.5px; text-transform: none; letter-spacing: 0; border: 1px solid var(--line); background: var(--panel); color: var(--fg); border-radius: 6px; padding: 1px 10px; cursor: pointer; }
button.copy:hover { background: var(--bg); }
table.tests th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); padding: 6px 10px; }
table.tests td { border-bottom: 1px solid #eaeef2; padding: 8px 10px; vertical-align: top; }
table.tests .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.t-name { font-weight: 500; }
.t-cell { white-space: nowrap; }
.state { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; white-space: nowrap; }
.state.passed { background: var(--pass-bg); color: #116329; }
.state.failed { background: var(--fail-bg); color: #a40e26; }
.state.not-applicable, .state.skipped { background: var(--na-bg); color: var(--na); }
ul.failures { margin: 6px 0 0; padding-left: 18px; color: #a40e26; font-family: var(--mono); font-size: 12px; }
ul.errors { margin: 0; padding-left: 18px; color: #a40e26; }
section.run-errors { border-color: var(--fail-line); background: var(--fail-bg); }
figure.state-graph { margin: 0 0 18px; overflow-x: auto; }
figure.state-graph figcaption { margin-bottom: 6px; }
.sg-node rect { fill: #fff; stroke: #59636e; stroke-width: 1.3; }
.sg-node text { font: 600 12.5px var(--mono); fill: var(--fg); }
.sg-edge path { fill: none; stroke: #8c959f; stroke-width: 1.6; }
.sg-edge .sg-count { font: 11.5px system-ui, sans-serif; fill: var(--muted); }
.sg-illegal path { stroke: var(--fail); stroke-dasharray: 5 4; }
.sg-illegal .sg-count { fill: var(--fail); font-weight: 700; }
.sg-marker-ok path { fill: #8c959f; }
.sg-marker-bad path { fill: var(--fail); }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 24px; }
@media print { body { background: #fff; } details.finding > .f-body { display: block; } nav.toc, .filter, button.copy { display: none; } }
`;
