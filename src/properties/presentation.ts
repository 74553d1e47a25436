/**
 * How a header travels, beside its value: the spelling of its name (names are case-insensitive,
 * RFC 9110 §5.1), white space around the value (not part of it, §5.5), and the same header sent
 * twice (two field lines, which a bank reads as one comma-joined value, §5.3).
 */
import fc from 'fast-check';

export type NameCase = 'as written' | 'lower-case' | 'upper-case' | 'alternating';

export function spell(name: string, nameCase: NameCase): string {
  switch (nameCase) {
    case 'lower-case':
      return name.toLowerCase();
    case 'upper-case':
      return name.toUpperCase();
    case 'alternating':
      return [...name].map((c, i) => (i % 2 ? c.toLowerCase() : c.toUpperCase())).join('');
    default:
      return name;
  }
}

export interface Presentation {
  nameCase: NameCase;
  /** White space put around the value. */
  padding: '' | ' ' | '  ' | '\t';
}

export const presentation: fc.Arbitrary<Presentation> = fc.record({
  nameCase: fc.constantFrom<NameCase>('as written', 'lower-case', 'upper-case', 'alternating'),
  padding: fc.constantFrom<Presentation['padding']>('', ' ', '  ', '\t'),
});

export function describePresentation(p: Presentation): string {
  const parts = [p.nameCase !== 'as written' ? `name ${p.nameCase}` : '', p.padding ? `value padded with ${JSON.stringify(p.padding)}` : ''].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
