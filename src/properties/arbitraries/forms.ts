/** A generated value with the name of the form it takes ("ipv6", "octet above 255", …). */
import fc from 'fast-check';

export interface Formed {
  form: string;
  value: string;
}

export type FormedArbitrary = fc.Arbitrary<Formed>;

/** One named form of values. */
export function form(name: string, values: fc.Arbitrary<string>): FormedArbitrary {
  return values.map(
    (value) => ({ form: name, value }),
    (v) => {
      if (typeof v !== 'object' || v === null || (v as Formed).form !== name) throw new Error('not of this form');
      return (v as Formed).value;
    },
  );
}

/** Any of the forms, equally likely. */
export function forms(...arbs: FormedArbitrary[]): FormedArbitrary {
  return fc.oneof(...arbs);
}

export const hex = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: min, maxLength: max });
export const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Printable ASCII without the characters that end a header value. */
export const printable = (min: number, max: number) => fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: min, maxLength: max });

/** Latin-1 letters outside ASCII: what an HTTP/1.1 header can carry beyond US-ASCII (obs-text). */
export const nonAscii = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'äöüßéèñçøåÄÖÜÉ'), minLength: min, maxLength: max });

/** Oversized: far longer than any header of the standard holds (kept below the servers' total header limits). */
export const oversized = (unit = 'x') => fc.integer({ min: 600, max: 4000 }).map((n) => unit.repeat(n));
