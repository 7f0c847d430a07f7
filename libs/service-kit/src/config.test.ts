import { z } from 'zod';
import { baseConfigSchema, ConfigError, loadConfig, port } from './config';

describe('loadConfig', () => {
  it('applies defaults and coerces values', () => {
    const config = loadConfig(baseConfigSchema, { HTTP_PORT: '8081', KAFKA_BROKERS: 'a:9092, b:9092', LOG_LEVEL: '' });
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      HTTP_PORT: 8081,
      GRPC_PORT: 50051,
      KAFKA_BROKERS: ['a:9092', 'b:9092'],
      AUTH_ISSUER: 'http://127.0.0.1:8080/oidc',
      AUTH_AUDIENCE: 'hangviet',
      AUTH_JWKS_FILE: '.local/auth/jwks.json',
      SHUTDOWN_TIMEOUT_MS: 10000,
    });
    expect(config.AUTH_JWKS_URL).toBeUndefined();
  });

  it('a bad value gives one line naming the variable and the rule', () => {
    expect(() => loadConfig(baseConfigSchema, { HTTP_PORT: 'abc' })).toThrow(
      new ConfigError(["HTTP_PORT: expected a port number 1–65535, got 'abc'"]),
    );
    try {
      loadConfig(baseConfigSchema, { HTTP_PORT: '70000' });
    } catch (err) {
      expect((err as Error).message).toBe("HTTP_PORT: expected a port number 1–65535, got '70000'");
      expect((err as Error).message).not.toContain('\n');
    }
    expect.assertions(3);
  });

  it('one line per bad variable; required variables say so; secrets are not echoed', () => {
    const schema = baseConfigSchema.extend({ WEBHOOK_SECRET: z.string().min(32, { error: 'expected at least 32 characters' }), SERVICE_DB: z.string() });
    expect(() =>
      loadConfig(schema, { LOG_LEVEL: 'loud', MONGO_URL: 'postgres://u:pw@x', WEBHOOK_SECRET: 'short', GRPC_PORT: '0' }),
    ).toThrow(
      [
        "LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got 'loud'",
        'GRPC_PORT: expected a port number 1–65535, got \'0\'',
        "MONGO_URL: expected a mongodb:// or mongodb+srv:// URL, got 'postgres://***@x'",
        'WEBHOOK_SECRET: expected at least 32 characters, got (hidden)',
        'SERVICE_DB: required, not set',
      ].join('\n'),
    );
  });

  it('port() is reusable in service schemas', () => {
    expect(loadConfig(z.object({ P: port().default(9) }), {})).toEqual({ P: 9 });
  });
});
