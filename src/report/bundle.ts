import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ConformanceReport } from './model.js';
import { tarGz, type TarEntry } from './tar.js';
import { REPORT_FILES } from './write.js';

export const BUNDLE_FILE = 'xs2a-conformance-bundle.tar.gz';
/** The folder the archive unpacks into. */
export const BUNDLE_FOLDER = 'xs2a-conformance-bundle';

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

export interface BundleSources {
  reportDir: string;
  report: ConformanceReport;
  /** The profile's text with its secrets replaced (`redactedProfileCopy`). */
  profileText: string;
}

/** The files of a certification bundle, by name, before the manifest. */
export function bundleFiles(sources: BundleSources): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of [REPORT_FILES.json, REPORT_FILES.html, REPORT_FILES.har, REPORT_FILES.junit]) {
    const path = join(sources.reportDir, name);
    if (existsSync(path)) files.set(name, readFileSync(path));
  }
  files.set('profile.yaml', Buffer.from(sources.profileText));
  const { spec } = sources.report.run;
  files.set('spec.sha256', Buffer.from(`${spec.sha256}  ${basename(spec.file)}\n`));
  return files;
}

/** SHA256SUMS in the format `sha256sum -c` checks: "<hex>  <name>" per line. */
export const manifest = (files: Map<string, Buffer>): string =>
  [...files].map(([name, data]) => `${sha256(data)}  ${name}\n`).join('');

/**
 * Writes DIR/xs2a-conformance-bundle.tar.gz: the reports, the traffic, the profile without its
 * secrets, the spec's hash, and a SHA256SUMS manifest (`sha256sum -c SHA256SUMS` after unpacking).
 */
export function writeBundle(sources: BundleSources): string {
  const files = bundleFiles(sources);
  files.set('SHA256SUMS', Buffer.from(manifest(files)));
  const mtime = new Date(sources.report.run.finishedAt);
  const entries: TarEntry[] = [{ name: `${BUNDLE_FOLDER}/`, mtime }, ...[...files].map(([name, content]) => ({ name: `${BUNDLE_FOLDER}/${name}`, content, mtime }))];
  const path = join(sources.reportDir, BUNDLE_FILE);
  writeFileSync(path, tarGz(entries));
  return path;
}
