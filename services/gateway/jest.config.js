// oidc-provider (and jose) ship ESM only: transformed for jest's CommonJS loader like jose in the preset.
const preset = require('../../jest.preset')(__dirname);
module.exports = { ...preset, transformIgnorePatterns: ['/node_modules/(?!(jose|oidc-provider)/)'] };
