import type { OperationMatch } from '../../spec/types.js';

/**
 * An operation of the Open Bank Project's own API (under /obp/vX.Y.Z, and its DirectLogin at
 * /my/logins/direct): it answers errors in OBP's model, `{ code, message: "OBP-XXXXX: …" }`, not
 * the Berlin Group's tppMessages.
 */
export function isObpOperation(match: OperationMatch | undefined): boolean {
  const path = match?.operation.pathTemplate;
  return path !== undefined && (/^\/obp\/v\d+\.\d+\.\d+\//.test(path) || path === '/my/logins/direct');
}
