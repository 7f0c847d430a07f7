export * from './known-business';
export * from './ownership';
export * from './known-businesses';
export * from './mongo-store';
export * from './grpc-registry';
export * from './business-status.consumer';
export * from './forget-dissolved.job';
