import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveServiceIdentity } from './service-identity';

function serviceDir(manifest: object): string {
  const root = mkdtempSync(join(tmpdir(), 'telemetry-identity-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify(manifest));
  mkdirSync(join(root, 'dist'));
  return join(root, 'dist', 'main.js');
}

test('OTEL_SERVICE_NAME wins over the package name', () => {
  const main = serviceDir({ name: '@hangviet/business-registry', version: '1.2.0' });
  expect(resolveServiceIdentity({ OTEL_SERVICE_NAME: 'registry-canary', npm_package_name: '@hangviet/other' }, main)).toEqual({
    name: 'registry-canary',
    version: '1.2.0',
  });
});

test('under npm start the npm package name and version are used, without the scope', () => {
  expect(resolveServiceIdentity({ npm_package_name: '@hangviet/fairs', npm_package_version: '0.3.1' }, null)).toEqual({
    name: 'fairs',
    version: '0.3.1',
  });
});

test('under plain node the nearest package.json above the main module names the service', () => {
  const main = serviceDir({ name: '@hangviet/business-registry', version: '1.2.0' });
  expect(resolveServiceIdentity({}, main)).toEqual({ name: 'business-registry', version: '1.2.0' });
});

test('with nothing to go on the OpenTelemetry default name is used', () => {
  expect(resolveServiceIdentity({}, null)).toEqual({ name: 'unknown_service:node' });
});
