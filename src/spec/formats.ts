/**
 * The string formats body validators check beyond ajv-formats' full set, and the formats object
 * the cached (standalone) validators call: the same definitions as a live Ajv instance gets.
 */
import { createRequire } from 'node:module';

const { fullFormats } = createRequire(import.meta.url)('ajv-formats/dist/formats') as { fullFormats: Record<string, unknown> };

/** The non-standard `format: url` of the official files: an absolute or a relative URL. */
function isUrlReference(value: string): boolean {
  if (value === '' || /[\s\u0000-\u001f]/.test(value)) return false;
  try {
    new URL(value, 'http://relative.invalid/');
    return true;
  } catch {
    return false;
  }
}

const RFC_3986_URI_REFERENCE = fullFormats['uri-reference'] as RegExp;
const SEGMENT = "[a-z0-9\\-._~!$&'()*+,;=:@]";
/**
 * A strict subset of RFC 3986 uri-reference, the shape of nearly every hyperlink a bank sends: an
 * http(s) origin and an absolute path, or an absolute path; then an optional query. What it accepts
 * the full grammar accepts (test/spec/formats.test.ts checks it); anything else goes to the full
 * (and far slower) expression.
 */
export const COMMON_URI_REFERENCE = new RegExp(
  `^(?:https?://[a-z0-9.-]+(?::\\d+)?(?:/${SEGMENT}*)*|/(?:${SEGMENT}+(?:/${SEGMENT}*)*)?)(?:\\?[a-z0-9\\-._~!$&'()*+,;=:@/?]*)?$`,
  'i',
);

/** The formats that replace or add to ajv-formats' full set, by name. */
export const FORMAT_OVERRIDES = {
  url: { type: 'string' as const, validate: isUrlReference },
  'uri-reference': { type: 'string' as const, validate: (value: string) => COMMON_URI_REFERENCE.test(value) || RFC_3986_URI_REFERENCE.test(value) },
};

/** What the standalone validators call as `formats`: ajv-formats' full set with the overrides. */
export const standaloneFormats = (): Record<string, unknown> => ({ ...fullFormats, ...FORMAT_OVERRIDES });

export { RFC_3986_URI_REFERENCE };
