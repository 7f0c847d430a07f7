export { ensureInfrastructure, type Infrastructure } from './infrastructure';
export { requireEnv, testScope, type TestScope } from './isolation';
export { bearer, eventually } from './eventually';
export { freePort } from './ports';
export { reportOf, runScenario, startScenario, swcRequireHook, type ScenarioRun } from './scenario';
