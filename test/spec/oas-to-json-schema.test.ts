import { describe, expect, it } from 'vitest';
import { toJsonSchema, toJsonSchemas } from '../../src/spec/oas-to-json-schema.js';

describe('toJsonSchema', () => {
  it('turns nullable into a null type and a null enum value', () => {
    expect(toJsonSchema({ type: 'string', enum: ['a'], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(toJsonSchema({ type: 'string', nullable: false })).toEqual({ type: 'string' });
  });

  it('turns boolean exclusive bounds into numeric ones', () => {
    expect(toJsonSchema({ type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false })).toEqual({
      type: 'integer',
      exclusiveMinimum: 0,
      maximum: 9,
    });
  });

  it('reads oneOf as anyOf, also beside an existing anyOf', () => {
    expect(toJsonSchema({ oneOf: [{}, { type: 'object' }] })).toEqual({ anyOf: [{}, { type: 'object' }] });
    expect(toJsonSchema({ anyOf: [{ type: 'string' }], oneOf: [{ minLength: 1 }] })).toEqual({
      anyOf: [{ type: 'string' }],
      allOf: [{ anyOf: [{ minLength: 1 }] }],
    });
  });

  it('drops OpenAPI-only keywords and the siblings of $ref, keeps patterns as written', () => {
    const schema = {
      type: 'object',
      description: 'kept',
      example: { a: 1 },
      discriminator: { propertyName: 'kind' },
      xml: { name: 'x' },
      externalDocs: { url: 'https://x' },
      deprecated: true,
      readOnly: true,
      properties: {
        iban: { type: 'string', pattern: '[A-Z]{2,2}[0-9]{2,2}[a-zA-Z0-9]{1,30}', example: 'DE02' },
        amount: { $ref: '#/components/schemas/amount', description: 'ignored by OpenAPI 3.0' },
        list: { type: 'array', items: { type: 'integer', nullable: true } },
        map: { type: 'object', additionalProperties: { type: 'number', exclusiveMaximum: true, maximum: 1 } },
      },
    };
    expect(toJsonSchema(schema)).toEqual({
      type: 'object',
      description: 'kept',
      readOnly: true,
      properties: {
        iban: { type: 'string', pattern: '[A-Z]{2,2}[0-9]{2,2}[a-zA-Z0-9]{1,30}' },
        amount: { $ref: '#/components/schemas/amount' },
        list: { type: 'array', items: { type: ['integer', 'null'] } },
        map: { type: 'object', additionalProperties: { type: 'number', exclusiveMaximum: 1 } },
      },
    });
    expect(schema.properties.iban.example).toBe('DE02');
  });

  it('converts every schema of a components map', () => {
    expect(toJsonSchemas({ a: { type: 'string', nullable: true }, b: { not: { oneOf: [{ type: 'null' }] } } })).toEqual({
      a: { type: ['string', 'null'] },
      b: { not: { anyOf: [{ type: 'null' }] } },
    });
  });
});
