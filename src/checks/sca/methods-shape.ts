import { defineCheck, verdict, type Verdict } from '../check.js';
import { SCA_METHODS_OFFERED, authorisationIdOf, isObject, methodIds } from './sca-facts.js';

function methodProblems(where: string, m: unknown): string[] {
  if (!isObject(m)) return [`${where} is not an object`];
  const out: string[] = [];
  if (typeof m['authenticationMethodId'] !== 'string' || m['authenticationMethodId'] === '') out.push(`${where}.authenticationMethodId is missing or empty`);
  if (typeof m['authenticationType'] !== 'string' || m['authenticationType'] === '') out.push(`${where}.authenticationType is missing or empty`);
  return out;
}

function challengeProblems(c: unknown): string[] {
  if (!isObject(c)) return ['challengeData is not an object'];
  const out: string[] = [];
  const max = c['otpMaxLength'];
  if (max !== undefined && !(typeof max === 'number' && Number.isInteger(max) && max >= 1)) out.push(`challengeData.otpMaxLength is ${JSON.stringify(max)}, not a positive integer`);
  const format = c['otpFormat'];
  if (format !== undefined && format !== 'characters' && format !== 'integer') out.push(`challengeData.otpFormat is ${JSON.stringify(format)}, not characters or integer`);
  const data = c['data'];
  if (data !== undefined && !(Array.isArray(data) && data.every((d) => typeof d === 'string'))) out.push('challengeData.data is not a list of strings');
  for (const key of ['image', 'imageLink', 'additionalInformation']) {
    if (c[key] !== undefined && typeof c[key] !== 'string') out.push(`challengeData.${key} is not a string`);
  }
  return out;
}

export default defineCheck({
  id: 'sca.methods-shape',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §7 (scaMethods, chosenScaMethod, challengeData: authenticationObject and challengeData); DOMAIN §4.3',
  description:
    'SCA methods offered to the PSU are a non-empty list, each with authenticationType and authenticationMethodId; the chosenScaMethod is one of the methods offered to that authorisation; challengeData has an integer otpMaxLength, an otpFormat of characters or integer, and string data.',
  appliesTo: (ex, ctx) => {
    const status = ex.response?.status ?? 0;
    const body = ctx.responseJson;
    return status >= 200 && status < 300 && isObject(body) && ['scaMethods', 'chosenScaMethod', 'challengeData'].some((k) => body[k] !== undefined);
  },
  judge(_ex, ctx) {
    const body = ctx.responseJson as Record<string, unknown>;
    const problems: string[] = [];
    const methods = body['scaMethods'];
    if (methods !== undefined) {
      if (!Array.isArray(methods) || methods.length === 0) problems.push('scaMethods is not a non-empty list');
      else methods.forEach((m, i) => problems.push(...methodProblems(`scaMethods[${i}]`, m)));
    }
    const chosen = body['chosenScaMethod'];
    if (chosen !== undefined) {
      problems.push(...methodProblems('chosenScaMethod', chosen));
      const id = authorisationIdOf(ctx);
      const offered = [...methodIds(methods), ...((id && ctx.observations.get(SCA_METHODS_OFFERED, id)) || [])];
      const chosenId = isObject(chosen) ? chosen['authenticationMethodId'] : undefined;
      if (offered.length && typeof chosenId === 'string' && !offered.includes(chosenId)) {
        problems.push(`chosenScaMethod ${chosenId} is not one of the methods offered to this authorisation (${[...new Set(offered)].join(', ')})`);
      }
    }
    if (body['challengeData'] !== undefined) problems.push(...challengeProblems(body['challengeData']));
    return problems.map((p): Verdict => verdict(p));
  },
});
