// Shared jest settings for every workspace: TypeScript through SWC, no type-check in the test run
// (`npm run typecheck` does that), and jose's ESM-only build transformed for jest's CommonJS loader.
/** @param {string} dir the workspace directory */
module.exports = function preset(dir) {
  return {
    rootDir: dir,
    displayName: require(`${dir}/package.json`).name,
    testEnvironment: 'node',
    transform: {
      '^.+\\.(t|j|mj)s$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
    },
    transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
    testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
    // Kafka and the database: from the environment, testcontainers or deploy/local (see libs/testing).
    globalSetup: require.resolve('./libs/testing/dist/jest-global-setup.js'),
    globalTeardown: require.resolve('./libs/testing/dist/jest-global-teardown.js'),
    testTimeout: 60_000,
  };
};
