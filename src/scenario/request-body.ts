/**
 * Request bodies as a scenario writes them, encoded for the wire. A body is JSON unless it is a
 * typed body, which fixtures use for the products that do not take JSON:
 *
 *   { $xml: "<Document …>" }                           application/xml (pain.001)
 *   { $multipart: { xml_sct: { $xml: "…" },            multipart/form-data; a part is XML when
 *                   json_standingorderType: {…} } }     written as { $xml }, else JSON
 *
 * `$` keys never occur in Berlin Group JSON bodies, so a typed body cannot be mistaken for one.
 */
import { randomBytes } from 'node:crypto';

export interface EncodedBody {
  text: string;
  contentType: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function xmlOf(value: unknown): string | undefined {
  return isObject(value) && Object.keys(value).length === 1 && typeof value['$xml'] === 'string' ? value['$xml'] : undefined;
}

export class BodyError extends Error {}

function multipart(parts: unknown): EncodedBody {
  if (!isObject(parts) || Object.keys(parts).length === 0) throw new BodyError('$multipart needs named parts: { name: value, … }');
  const boundary = `xs2a-conformance-${randomBytes(6).toString('hex')}`;
  const encoded = Object.entries(parts).map(([name, value]) => {
    const xml = xmlOf(value);
    const [type, text] = xml !== undefined ? ['application/xml', xml] : ['application/json', JSON.stringify(value)];
    return `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Type: ${type}\r\n\r\n${text}\r\n`;
  });
  return { text: `${encoded.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Encode a rendered body: a typed body as its kind, anything else as JSON. */
export function encodeBody(body: unknown): EncodedBody {
  const xml = xmlOf(body);
  if (xml !== undefined) return { text: xml, contentType: 'application/xml' };
  if (isObject(body) && '$multipart' in body) {
    if (Object.keys(body).length !== 1) throw new BodyError('a $multipart body has no other keys');
    return multipart(body['$multipart']);
  }
  if (isObject(body) && Object.keys(body).some((k) => k.startsWith('$'))) {
    throw new BodyError(`unknown typed body ${Object.keys(body).filter((k) => k.startsWith('$')).join(', ')} (known: $xml, $multipart)`);
  }
  return { text: JSON.stringify(body), contentType: 'application/json' };
}
