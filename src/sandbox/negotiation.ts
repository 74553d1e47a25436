/** Content negotiation: the Accept header against the media types an endpoint offers (RFC 9110 §12.5.1). */
import type { RequestContext } from './context.js';
import { apiError } from './errors.js';

export const JSON_ONLY: readonly string[] = ['application/json'];

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function ranges(accept: string): MediaRange[] {
  return accept
    .split(',')
    .map((part) => {
      const [range = '', ...params] = part.split(';').map((s) => s.trim());
      const [type = '', subtype = ''] = range.toLowerCase().split('/');
      const q = params.map((p) => /^q=([0-9.]+)$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { type, subtype, q: q === undefined ? 1 : Number(q) };
    })
    .filter((r) => r.type !== '' && r.subtype !== '' && Number.isFinite(r.q));
}

/** How much the client wants a media type: the q of the most specific range that matches it. */
function quality(media: string, accepted: MediaRange[]): number {
  const [type, subtype] = media.split('/');
  let best: { specificity: number; q: number } | undefined;
  for (const r of accepted) {
    const specificity = r.type === type && r.subtype === subtype ? 3 : r.type === type && r.subtype === '*' ? 2 : r.type === '*' && r.subtype === '*' ? 1 : 0;
    if (specificity > 0 && (!best || specificity > best.specificity)) best = { specificity, q: r.q };
  }
  return best?.q ?? 0;
}

/**
 * The offered media type the request's Accept prefers (the first offered one when Accept is absent
 * or names several equally); 406 REQUESTED_FORMATS_INVALID when it accepts none of them.
 */
export function negotiate(ctx: RequestContext, offered: readonly string[]): string {
  const accept = ctx.header('Accept');
  if (accept === undefined || accept.trim() === '') return offered[0]!;
  const accepted = ranges(accept);
  let chosen: { media: string; q: number } | undefined;
  for (const media of offered) {
    const q = quality(media, accepted);
    if (q > 0 && (!chosen || q > chosen.q)) chosen = { media, q };
  }
  if (!chosen) {
    throw apiError(406, 'REQUESTED_FORMATS_INVALID', `This endpoint answers ${offered.join(', ')}; the request accepts only ${accept}`, 'Accept');
  }
  return chosen.media;
}
