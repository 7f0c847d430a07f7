export * from './administrative-units';
export * from './industries';
export * from './locale';
export * from './phone';
export * from './tax-code';
export * from './text';
