#!/usr/bin/env node
// The peers the benchmarks compare with, installed into bench/.peers (git-ignored), never into the
// project's own dependencies: openapi-response-validator (response validation) and Stoplight
// Prism's CLI (a validating proxy). Already installed at these versions: nothing to do.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

export const PEERS = { 'openapi-response-validator': '12.1.3', '@stoplight/prism-cli': '5.14.2' };
const folder = join(root, 'bench', '.peers');
const installed = (name) => {
  const manifest = join(folder, 'node_modules', name, 'package.json');
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version;
};
const missing = Object.entries(PEERS).filter(([name, version]) => installed(name) !== version);
if (missing.length) {
  const specs = missing.map(([name, version]) => `${name}@${version}`);
  console.log(`installing into bench/.peers: ${specs.join(' ')}`);
  try {
    execFileSync('npm', ['install', '--prefix', folder, '--no-save', '--no-audit', '--no-fund', '--loglevel', 'error', ...Object.entries(PEERS).map(([n, v]) => `${n}@${v}`)], { stdio: 'inherit' });
  } catch (e) {
    // the benchmarks then measure ours against the floor and record why the peer is missing
    console.error(`the peers could not be installed: ${e.message}`);
  }
} else console.log('peers installed: ' + Object.entries(PEERS).map(([n, v]) => `${n}@${v}`).join(', '));
