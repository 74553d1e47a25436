/** Path-template routing: `/v1/consents/{consentId}` style patterns with optional parameter constraints. */
import type { Handler } from './context.js';

export interface RouteOptions {
  /** API routes (under /v1) need a valid X-Request-ID and header checks; pages do not. */
  api: boolean;
  /** Allowed values per path parameter; a route only matches when the value passes. */
  constraints?: Record<string, (value: string) => boolean>;
  /**
   * AIS routes answer an Accept they cannot serve with 406 REQUESTED_FORMATS_INVALID (the 1.3.12
   * file declares a 406 body only for AIS); other routes disregard Accept, as HTTP allows.
   */
  strictAccept?: boolean;
  /** Media types the route can answer in; default application/json. */
  produces?: readonly string[];
}

interface Route extends RouteOptions {
  method: string;
  segments: string[];
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string>; api: boolean; strictAccept?: boolean; produces?: readonly string[] }
  | { kind: 'method-not-allowed'; allowed: string[]; api: boolean }
  | { kind: 'not-found' };

function splitPath(path: string): string[] {
  return path.split('/').slice(1);
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, options: RouteOptions): this {
    this.routes.push({ method, segments: splitPath(pattern), handler, ...options });
    return this;
  }

  private matchPath(route: Route, parts: string[]): Record<string, string> | undefined {
    if (route.segments.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
      const seg = route.segments[i]!;
      const part = parts[i]!;
      const param = /^\{(.+)\}$/.exec(seg)?.[1];
      if (param === undefined) {
        if (seg !== part) return undefined;
        continue;
      }
      if (part === '') return undefined;
      const allowed = route.constraints?.[param];
      if (allowed && !allowed(part)) return undefined;
      params[param] = part;
    }
    return params;
  }

  /** `parts` are the decoded path segments (path split on "/"). */
  match(method: string, parts: string[]): RouteMatch {
    const allowed: string[] = [];
    let api = false;
    for (const route of this.routes) {
      const params = this.matchPath(route, parts);
      if (!params) continue;
      if (route.method === method) {
        return { kind: 'found', handler: route.handler, params, api: route.api, ...(route.strictAccept ? { strictAccept: true } : {}), ...(route.produces ? { produces: route.produces } : {}) };
      }
      if (!allowed.includes(route.method)) allowed.push(route.method);
      api = api || route.api;
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed, api } : { kind: 'not-found' };
  }

  /** Splits and decodes a request path; undefined when a segment is not valid percent-encoding. */
  static parts(path: string): string[] | undefined {
    try {
      return splitPath(path).map((p) => decodeURIComponent(p));
    } catch {
      return undefined;
    }
  }
}
