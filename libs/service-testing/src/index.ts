export { startServiceHarness, type ReceivedEvent, type ServiceHarness, type ServiceHarnessOptions, type TestBusiness } from './service-harness';
export { bearer, eventually, testScope, type TestScope } from '@hangviet/testing';
