/** Consent-JWTs and DirectLogin tokens: HS256 JWTs the bank signs with its own key (node:crypto). */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const b64 = (v: string | Buffer): string => Buffer.from(v).toString('base64url');

export class JwtSigner {
  readonly #key = randomBytes(32);

  sign(claims: Record<string, unknown>): string {
    const head = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(claims))}`;
    return `${head}.${b64(createHmac('sha256', this.#key).update(head).digest())}`;
  }

  /** The claims of a JWT this bank signed, or undefined when it does not verify. */
  verify(token: string): Record<string, unknown> | undefined {
    const [h, p, s] = token.split('.');
    if (!h || !p || !s) return undefined;
    const expected = createHmac('sha256', this.#key).update(`${h}.${p}`).digest();
    const got = Buffer.from(s, 'base64url');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) return undefined;
    try {
      return JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
}
