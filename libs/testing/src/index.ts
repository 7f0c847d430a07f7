export { ensureInfrastructure, type Infrastructure } from './infrastructure';
export { requireEnv, testScope, type TestScope } from './isolation';
