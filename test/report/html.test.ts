import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/html/page.js';
import { reportProblems } from '../../src/report/validate.js';
import { sampleReport, SAMPLE_GRAPHS } from './sample-report.js';

/** Attributes in the page's tags that would make a browser fetch (anything but an in-page #anchor). */
const LOADING_ATTRIBUTE = /\s(?:src|href|xlink:href|action|poster|data|srcset)\s*=\s*(?:"(?!#)|'(?!#)|(?!["'#]))/i;
const loadingTags = (page: string): string[] => (page.match(/<[a-zA-Z][^>]*>/g) ?? []).filter((tag) => LOADING_ATTRIBUTE.test(tag));
const styleBlock = (page: string): string => /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';

describe('report.html', () => {
  const report = sampleReport(SAMPLE_GRAPHS);
  const page = renderReportHtml(report);

  it('is built from a report that validates against the schema, state graphs included', () => {
    expect(reportProblems(report)).toEqual([]);
  });

  it('escapes everything that came from the bank or the profile', () => {
    expect(page).not.toContain('<script>window.pwned');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<a href="https://evil.example/');
    expect(page).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
    expect(page.match(/<script\b/g)).toHaveLength(1); // only the page's own
  });

  it('loads nothing: no URL in src, href or CSS, and a policy that forbids it anyway', () => {
    expect(loadingTags(page)).toEqual([]);
    expect(styleBlock(page)).not.toMatch(/url\(|@import/);
    expect(page).not.toMatch(/<(?:link|iframe|object|embed|img|base)\b/i);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[^"]+; script-src &#39;sha256-/);
  });

  it('shows the verdict, the matrix, findings by check with evidence and curl, and the state graphs', () => {
    expect(page).toContain('NOT CONFORMANT');
    expect(page).toMatch(/<td class="m-cell m-fail"/);
    expect(page).toMatch(/<td class="m-cell m-pass"/);
    expect(page).toMatch(/<td class="m-cell m-na"/);
    expect(page).toContain('<code>response.status-declared</code>');
    expect(page).toMatch(/<details class="finding" data-level="MUST">/);
    expect(page).toMatch(/<details class="finding" data-level="SHOULD">/);
    expect(page).toContain('curl -sS -i -X POST');
    expect(page).toContain('<code>$PSU_PASSWORD</code>');
    expect(page).toMatch(/<figure class="state-graph">[\s\S]*<svg role="img" aria-label="transactionStatus transitions"/);
    expect(page).toContain('class="sg-edge sg-illegal"');
    expect(page.match(/<g class="sg-node">/g)).toHaveLength(4);
  });

  it('leaves the state graph section out when the report has none', () => {
    const plain = renderReportHtml(sampleReport());
    expect(plain).not.toContain('<figure class="state-graph">');
    expect(plain).not.toContain('id="state-graphs"');
  });
});
