import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';
import { exchange, judgeInOrder } from './exchanges.js';

const myConsents = (status: number, body: unknown) => exchange({ path: '/obp/v5.1.0/my/consents', status, body });

describe('error.obp-code', () => {
  let spec: Spec;
  beforeAll(async () => {
    spec = await loadSpec(join(packageRoot(), 'specs', 'obp', 'consents.yaml'));
  });
  const judge = (...exchanges: ReturnType<typeof exchange>[]) => judgeInOrder(spec, exchanges, 'error.obp-code').map((fs) => fs.map((f) => f.message));

  it('passes an OBP error with its status as code and an OBP code of the status family', () => {
    expect(judge(myConsents(401, { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' }))).toEqual([[]]);
  });

  it('finds a message without an OBP code, a code that is not the status, and a code of the wrong family', () => {
    expect(judge(myConsents(401, { code: 401, message: 'User not logged in.' }))[0]).toEqual(['the message does not start with an OBP-XXXXX code: "User not logged in."']);
    expect(judge(myConsents(401, { code: 400, message: 'OBP-20001: x' }))[0]).toEqual(['code is 400, not the HTTP status 401']);
    expect(judge(myConsents(401, { code: 401, message: 'OBP-50000: Unknown Error.' }))[0]).toEqual(['OBP-50000 is a server error code on a client error (401)']);
    expect(judge(myConsents(500, { code: 500, message: 'OBP-10001: x' }))[0]).toEqual(['OBP-10001 is a client error code on a server error (500)']);
    expect(judge(myConsents(401, 'not json'))[0]).toHaveLength(1);
  });

  it('leaves successes alone, and error.tpp-messages leaves OBP errors alone', () => {
    expect(judge(myConsents(200, { consents: [] }))).toEqual([[]]);
    const all = judgeInOrder(spec, [myConsents(401, { code: 401, message: 'OBP-20001: x' })]);
    expect(all[0]!.filter((f) => f.check === 'error.tpp-messages')).toEqual([]);
  });
});
