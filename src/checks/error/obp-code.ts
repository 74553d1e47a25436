import { defineCheck, verdict, type Verdict } from '../check.js';
import { isObpOperation } from './obp-api.js';

const OBP_CODE = /^OBP-(\d)\d{4}(?=:)/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export default defineCheck({
  id: 'error.obp-code',
  level: 'MUST',
  rule: 'Open Bank Project error model (OBP API Explorer, ErrorMessages): an error answer is { code: <HTTP status>, message: "OBP-XXXXX: …" }, server errors with an OBP-5xxxx code',
  description: 'Error answers of Open Bank Project operations carry their HTTP status as code and an OBP-XXXXX code of the status family at the start of the message.',
  appliesTo: (ex, ctx) => isObpOperation(ctx.match) && ex.response !== undefined && ex.response.status >= 400,
  judge(ex, ctx) {
    const status = ex.response!.status;
    const body = ctx.responseJson;
    if (!isObject(body)) return [verdict(`the ${status} body is not a JSON object with code and message`, { body: ex.response!.body.slice(0, 200) })];
    const out: Verdict[] = [];
    if (body['code'] !== status) out.push(verdict(`code is ${JSON.stringify(body['code'])}, not the HTTP status ${status}`, { code: body['code'] ?? null, status }));
    const message = typeof body['message'] === 'string' ? body['message'] : undefined;
    const code = message !== undefined ? OBP_CODE.exec(message) : null;
    if (!code) {
      out.push(verdict(`the message does not start with an OBP-XXXXX code: ${JSON.stringify(message ?? null)}`, { message: message ?? null }));
    } else if ((code[1] === '5') !== status >= 500) {
      out.push(verdict(`${code[0]} is ${code[1] === '5' ? 'a server error code on a client error' : 'a client error code on a server error'} (${status})`, { obpCode: code[0], status }));
    }
    return out;
  },
});
