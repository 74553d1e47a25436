import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder of the installed xs2a-conformance package (works from src/ and from dist/src/). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'xs2a-conformance') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the xs2a-conformance package folder');
    dir = up;
  }
}

export const bundled = {
  profile: () => join(packageRoot(), 'profiles', 'reference-bank.yaml'),
  spec: () => join(packageRoot(), 'specs', 'berlin-group', 'nextgenpsd2-1.3.yaml'),
  scenarios: () => join(packageRoot(), 'scenarios'),
};
