import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import type { ConformanceReport } from './model.js';
import schema from './report.schema.json' with { type: 'json' };

// ajv-formats is CommonJS: depending on the loader its plugin is the module or its `default`.
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

let validator: ValidateFunction | undefined;

/** The published JSON Schema of report.json. */
export const REPORT_SCHEMA = schema;

/** Problems of a value as a report.json (JSON pointer and message, one line each); [] when it is one. */
export function reportProblems(value: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  if (validator(value)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` '${String(e.params.additionalProperty)}'` : ''}`);
}

export function isReport(value: unknown): value is ConformanceReport {
  return reportProblems(value).length === 0;
}
