import type { ScenarioTestMeta } from '../report/test-meta.js';
import type { PropertyResult } from './model.js';

/** The test case a property becomes in a report: its findings and the exchanges they judged. */
export function propertyTestMeta(name: string, result: PropertyResult): ScenarioTestMeta {
  return {
    scenario: `properties/${name}`,
    title: `Property ${name}`,
    source: 'src/properties/properties.ts',
    cell: {},
    ...(result.notApplicable ? { notApplicable: result.notApplicable } : {}),
    steps: [],
    failures: [],
    findings: result.findings,
    exchanges: result.exchanges,
  };
}
