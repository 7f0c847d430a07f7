// Tests of the deployment (deploy/test): the per-service files agree with their one definition, the
// Dockerfiles, the compose file and the rendered Kubernetes overlays validate offline, and two instances
// of every service share the work on the real Kafka and database (the shared global setup provides them).
const root = `${__dirname}/..`;

module.exports = {
  rootDir: __dirname,
  displayName: 'deploy',
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  // jose's ESM-only build, as in jest.preset.js (dev tokens for the two-instances test).
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testMatch: ['<rootDir>/test/**/*.test.mjs'],
  modulePathIgnorePatterns: ['<rootDir>/local/'],
  moduleFileExtensions: ['mjs', 'js', 'ts', 'json'],
  globalSetup: require.resolve(`${root}/libs/testing/dist/jest-global-setup.js`),
  globalTeardown: require.resolve(`${root}/libs/testing/dist/jest-global-teardown.js`),
};
