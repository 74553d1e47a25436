import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './usage.js';

/** A <script> that loads from the network, or an inline one that feeds Google Analytics. */
const EXTERNAL_SCRIPT = /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^>]*>\s*<\/script\s*>/gi;
const INLINE_SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi;
const ANALYTICS = /\bgtag\s*\(|googletagmanager|google-analytics|\bdataLayer\b/;
/** <link> elements (fonts, preconnect, styles) that point at another host. */
const EXTERNAL_LINK = /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^>]*>/gi;

/** An Allure report page without what would call the network: analytics and any external script or link. */
export function stripAnalytics(page: string): { page: string; removed: number } {
  let removed = 0;
  const out = page
    .replace(EXTERNAL_SCRIPT, () => (removed++, ''))
    .replace(INLINE_SCRIPT, (tag: string, body: string) => (ANALYTICS.test(body) ? (removed++, '') : tag))
    .replace(EXTERNAL_LINK, () => (removed++, ''));
  return { page: out, removed };
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

/**
 * `xs2a-conformance allure DIR`: make a generated Allure 3 report (e.g. `npx allure awesome
 * reports/allure-results --single-file -o DIR`) work with no network: its pages carry a Google
 * Analytics script tag; this removes it, and any other external script or link.
 */
export function allureCommand(argv: string[]): number {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: argv, options: {}, strict: true, allowPositionals: true }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (positionals.length !== 1) throw new UsageError('allure needs one folder: the Allure report to make offline (the output of `npx allure generate` or `npx allure awesome`)');
  const dir = positionals[0]!;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  const pages = htmlFiles(dir);
  if (pages.length === 0) throw new UsageError(`${dir} holds no .html page: generate the Allure report first (npx allure awesome <results> --single-file -o ${dir})`);
  let removed = 0;
  for (const file of pages) {
    const stripped = stripAnalytics(readFileSync(file, 'utf8'));
    if (stripped.removed) writeFileSync(file, stripped.page);
    removed += stripped.removed;
  }
  process.stdout.write(`${dir}: removed ${removed} analytics or external tag${removed === 1 ? '' : 's'} from ${pages.length} page${pages.length === 1 ? '' : 's'}\n`);
  return 0;
}
