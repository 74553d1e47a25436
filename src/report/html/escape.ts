/**
 * Escaping for the HTML report. Everything that reaches the page from a report (bank bodies,
 * headers, messages, names) goes through `esc`: a bank's answer is hostile HTML until escaped.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for element content and (quoted) attribute values. */
export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** A tagged template whose ${values} are escaped; nest already-built HTML with `raw()`. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export const raw = (text: string): Html => new Html(text);

type Part = Html | string | number | boolean | undefined | null | ReadonlyArray<Html>;

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    if (value instanceof Html) out += value.text;
    else if (Array.isArray(value)) out += value.map((v: Html) => v.text).join('');
    else if (value !== undefined && value !== null && value !== false) out += esc(value);
    out += strings[i + 1]!;
  });
  return new Html(out);
}

/** A CSS class name from a value (levels, states): letters, digits and dashes only. */
export const cls = (value: string): string => value.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
