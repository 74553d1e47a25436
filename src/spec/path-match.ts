/**
 * Which operation a concrete request is for. A `{param}` matches one non-empty path segment. When
 * several path templates match, the most specific wins: more literal segments, then the one whose
 * first literal comes earlier; /v1/consents/abc is getConsentInformation, not a payment.
 * Path-parameter enums are not enforced: banks define their own payment products.
 */
import { isObject } from './json-pointer.js';
import type { Operation, OperationMatch } from './types.js';

export type OperationMatcher = (method: string, url: string, basePath?: string) => OperationMatch | undefined;

interface PathEntry {
  pattern: RegExp;
  parameterNames: string[];
  /** Per segment: true when it is literal text (no parameter). */
  literal: boolean[];
  literalCount: number;
  byMethod: Map<string, Operation>;
}

export function operationMatcher(operations: readonly Operation[], serverPaths: readonly string[]): OperationMatcher {
  const entries = new Map<string, PathEntry>();
  for (const operation of operations) {
    let entry = entries.get(operation.pathTemplate);
    if (!entry) entries.set(operation.pathTemplate, (entry = pathEntry(operation.pathTemplate)));
    entry.byMethod.set(operation.method, operation);
  }
  const byPreference = [...entries.values()].sort(morePreferred);

  return (method, url, basePath) => {
    const pathname = pathnameOf(url);
    if (pathname === undefined) return undefined;
    for (const path of candidatePaths(pathname, basePath, serverPaths)) {
      for (const entry of byPreference) {
        const found = entry.pattern.exec(path);
        if (!found) continue;
        const operation = entry.byMethod.get(method.toUpperCase());
        if (!operation) return undefined;
        const pathParams: Record<string, string> = {};
        entry.parameterNames.forEach((name, i) => (pathParams[name] = decoded(found[i + 1]!)));
        return { operation, pathParams };
      }
    }
    return undefined;
  };
}

/** The path parts of the document's `servers` URLs ('https://api.testbank.com/psd2' → '/psd2'). */
export function serverPathsOf(servers: unknown): string[] {
  if (!Array.isArray(servers)) return [];
  const paths: string[] = [];
  for (const server of servers) {
    if (!isObject(server) || typeof server.url !== 'string') continue;
    const variables = isObject(server.variables) ? server.variables : {};
    const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const variable = variables[name];
      return isObject(variable) && typeof variable.default === 'string' ? variable.default : '';
    });
    const path = trimmedPath(url.startsWith('/') ? url : pathnameOfAbsolute(url));
    if (path && !paths.includes(path)) paths.push(path);
  }
  return paths;
}

function pathEntry(template: string): PathEntry {
  const parameterNames: string[] = [];
  const segments = template.split('/').slice(1);
  const literal = segments.map((segment) => !segment.includes('{'));
  const source = segments
    .map((segment) =>
      segment
        .split(/(\{[^}]*\})/)
        .map((part) => {
          if (!/^\{[^}]*\}$/.test(part)) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          parameterNames.push(part.slice(1, -1));
          return '([^/]+)';
        })
        .join(''),
    )
    .join('/');
  return {
    pattern: new RegExp(`^/${source}$`),
    parameterNames,
    literal,
    literalCount: literal.filter(Boolean).length,
    byMethod: new Map(),
  };
}

function morePreferred(a: PathEntry, b: PathEntry): number {
  if (a.literalCount !== b.literalCount) return b.literalCount - a.literalCount;
  for (let i = 0; i < Math.min(a.literal.length, b.literal.length); i++) {
    if (a.literal[i] !== b.literal[i]) return a.literal[i] ? -1 : 1;
  }
  return 0;
}

/** The path after the target's base path, then also after each server path it starts with. */
function candidatePaths(pathname: string, basePath: string | undefined, serverPaths: readonly string[]): string[] {
  const path = withoutPrefix(pathname, trimmedPath(basePath ?? '')) ?? pathname;
  const candidates = [path];
  for (const serverPath of serverPaths) {
    const stripped = withoutPrefix(path, serverPath);
    if (stripped !== undefined && !candidates.includes(stripped)) candidates.push(stripped);
  }
  return candidates;
}

/** `path` without `prefix` when it starts with it at a segment boundary. */
function withoutPrefix(path: string, prefix: string): string | undefined {
  if (!prefix || !path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  if (rest === '') return '/';
  return rest.startsWith('/') ? rest : undefined;
}

/** The URL's path, percent-encoding kept, without a trailing slash; undefined when it is no URL. */
function pathnameOf(url: string): string | undefined {
  try {
    return trimmedPath(new URL(url, 'http://relative.invalid').pathname) || '/';
  } catch {
    return undefined;
  }
}

function pathnameOfAbsolute(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

function trimmedPath(path: string): string {
  return path.replace(/\/+$/, '');
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
