// Unit tests of the console's logic (src/**/*.test.ts: routing, form rules) and the end-to-end tests in
// headless Chromium (e2e/**/*.test.ts) against the services started as processes.
const preset = require('../../jest.preset')(__dirname);
module.exports = { ...preset, testMatch: [...preset.testMatch, '<rootDir>/e2e/**/*.test.ts'] };
