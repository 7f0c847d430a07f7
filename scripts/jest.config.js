// Tests of scripts/ (npm start's supervisor, the service generator): plain ES modules run through SWC,
// against the real Kafka and database the shared global setup provides (see libs/testing).
const root = `${__dirname}/..`;

module.exports = {
  rootDir: __dirname,
  displayName: 'scripts',
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  testMatch: ['<rootDir>/test/**/*.test.mjs'],
  // The generator's template is not code until rendered (placeholders).
  modulePathIgnorePatterns: ['<rootDir>/new-service/template/'],
  moduleFileExtensions: ['mjs', 'js', 'ts', 'json'],
  globalSetup: require.resolve(`${root}/libs/testing/dist/jest-global-setup.js`),
  globalTeardown: require.resolve(`${root}/libs/testing/dist/jest-global-teardown.js`),
};
