import { describe, expect, it } from 'vitest';
import { render, renderString, TemplateError } from '../../src/scenario/template.js';

const scope = {
  vars: { service: 'payments', psu: { id: 'psu-alice' }, count: 3 },
  fixture: (name: string) => (name === 'payment' ? { debtor: '{{psu.id}}' } : undefined),
};

describe('templates', () => {
  it('replaces named values inside strings', () => {
    expect(renderString('/v1/{{service}}/x?psu={{ psu.id }}', scope)).toBe('/v1/payments/x?psu=psu-alice');
  });
  it('keeps the type of a whole-string template and renders fixtures deeply', () => {
    expect(render('{{count}}', scope)).toBe(3);
    expect(render({ body: '{{fixture payment}}' }, scope)).toEqual({ body: { debtor: 'psu-alice' } });
  });
  it('makes fresh UUIDs and dates relative to today', () => {
    const a = render('{{uuid}}', scope) as string;
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(render('{{uuid}}', scope)).not.toBe(a);
    const today = new Date().toISOString().slice(0, 10);
    expect(render('{{today}}', scope)).toBe(today);
    expect(render('{{today -1}}', scope)).toBe(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  });
  it('names an unknown value instead of sending "undefined"', () => {
    expect(() => renderString('/v1/{{paymentId}}', scope)).toThrow(TemplateError);
    expect(() => renderString('/v1/{{paymentId}}', scope)).toThrow(/paymentId/);
  });
});
