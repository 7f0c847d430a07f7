// Lets a plain `node` child process load TypeScript (`node -r @hangviet/testing/swc-require-hook.js x.ts`) with
// the same SWC settings as jest. For test scenarios that must run outside jest's module registry.
'use strict';
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
