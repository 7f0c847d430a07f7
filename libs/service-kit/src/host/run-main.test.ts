import { z } from 'zod';
import { baseConfigSchema, ConfigError, loadConfig, port } from '../config';
import { configFailureLine } from './run-main';

describe('configFailureLine', () => {
  const schema = baseConfigSchema.extend({ HTTP_PORT: port().default(8081), FEATURE: z.enum(['on', 'off']).default('off') });

  it('names every bad variable and its rule on one line', () => {
    let err: unknown;
    try {
      loadConfig(schema, { HTTP_PORT: 'abc', KAFKA_BROKERS: ',' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const line = configFailureLine('business-registry', err);
    expect(line).toBe(
      "business-registry: invalid configuration: HTTP_PORT: expected a port number 1–65535, got 'abc'; " +
        "KAFKA_BROKERS: expected host:port[,host:port…], got ','",
    );
    expect(line).not.toContain('\n');
  });

  it('takes any other start-up error as its message', () => {
    expect(configFailureLine('notification', new Error("database name 'a.b' must be 1–63 letters, digits, _ or -"))).toBe(
      "notification: invalid configuration: database name 'a.b' must be 1–63 letters, digits, _ or -",
    );
  });
});
