import { request } from 'undici';
import { describeTransportError } from '../http/client.js';

/**
 * Can the target be reached at all? Any HTTP answer counts (even 404); a transport failure
 * returns the reason in words.
 */
export async function unreachableReason(baseUrl: string, timeoutMs = 10_000): Promise<string | undefined> {
  try {
    const res = await request(baseUrl, { method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs, signal: AbortSignal.timeout(timeoutMs) });
    await res.body.dump();
    return undefined;
  } catch (err) {
    if ((err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError') return `no answer within ${timeoutMs} ms`;
    const { code, message } = describeTransportError(err);
    return `${message} (${code})`;
  }
}
