/** multipart/form-data bodies (RFC 7578): the periodic pain.001 initiation and its echo. */
import { randomBytes } from 'node:crypto';
import { formatError } from './errors.js';

export interface FormPart {
  name: string;
  contentType?: string;
  body: string;
}

/** The boundary of a multipart/form-data Content-Type, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType ?? '');
  return m?.[1] ?? m?.[2];
}

/** Split a multipart body into its named parts; a broken body is a 400 FORMAT_ERROR. */
export function parseMultipart(body: string, contentType: string | undefined): FormPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw formatError('Content-Type multipart/form-data needs a boundary parameter', 'Content-Type');
  const delimiter = `--${boundary}`;
  const end = body.indexOf(`${delimiter}--`);
  if (end === -1) throw formatError(`The multipart body does not end with its closing boundary ${delimiter}--`, 'body');
  const chunks = body.slice(0, end).split(delimiter).slice(1);
  return chunks.map((chunk, i) => {
    const text = chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
    const split = /\r?\n\r?\n/.exec(text);
    if (!split) throw formatError(`Part ${i + 1} of the multipart body has no header block`, 'body');
    const head = text.slice(0, split.index);
    const headers = new Map(
      head.split(/\r?\n/).map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const;
      }),
    );
    const name = /\bname="([^"]*)"/.exec(headers.get('content-disposition') ?? '')?.[1];
    if (!name) throw formatError(`Part ${i + 1} of the multipart body has no Content-Disposition name`, 'body');
    const partType = headers.get('content-type');
    return { name, ...(partType ? { contentType: partType } : {}), body: text.slice(split.index + split[0].length) };
  });
}

/** Build a multipart/form-data body from parts; returns it with its Content-Type. */
export function buildMultipart(parts: FormPart[]): { contentType: string; body: string } {
  const boundary = `xs2a-${randomBytes(8).toString('hex')}`;
  const body =
    parts
      .map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n${p.body}\r\n`)
      .join('') + `--${boundary}--\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}
