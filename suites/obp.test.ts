import { describeScenarios } from './support/scenario-tests.js';

describeScenarios('obp');
