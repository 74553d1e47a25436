import { describeScenarios } from './support/scenario-tests.js';

describeScenarios('ais');
