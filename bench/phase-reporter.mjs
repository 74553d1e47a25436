// A vitest reporter for bench/run-floor.mjs: when each phase of a run starts and ends, as wall
// clock times (Date.now()), written to BENCH_PHASES_OUT at the end of the run.
import { writeFileSync } from 'node:fs';

export default class PhaseReporter {
  events = { init: 0, firstModuleStart: 0, firstTestReady: 0, lastTestResult: 0, runEnd: 0 };
  modules = [];

  onInit() {
    this.events.init = Date.now();
  }

  onTestModuleStart() {
    this.events.firstModuleStart ||= Date.now();
  }

  onTestCaseReady() {
    this.events.firstTestReady ||= Date.now();
  }

  onTestCaseResult() {
    this.events.lastTestResult = Date.now();
  }

  onTestModuleEnd(module) {
    const d = module.diagnostic();
    this.modules.push({
      file: module.moduleId.split('/').slice(-2).join('/'),
      endedAt: Date.now(),
      tests: [...module.children.allTests()].length,
      prepareMs: Math.round(d.prepareDuration),
      environmentMs: Math.round(d.environmentSetupDuration),
      collectMs: Math.round(d.collectDuration),
      testsMs: Math.round(d.duration),
    });
  }

  onTestRunEnd() {
    this.events.runEnd = Date.now();
    if (process.env.BENCH_PHASES_OUT) writeFileSync(process.env.BENCH_PHASES_OUT, JSON.stringify({ events: this.events, modules: this.modules }));
  }
}
