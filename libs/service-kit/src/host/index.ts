export { databaseName, openDatabase } from './database';
export { configFailureLine, runMain, type RunMainOptions } from './run-main';
export {
  defineService,
  startService,
  type RunningService,
  type ServiceDefinition,
  type ServiceHost,
  type ServicePart,
  type StartOptions,
} from './service-host';
