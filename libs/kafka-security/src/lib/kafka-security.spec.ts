import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@newswire/config';
import { kafkaSecurityFromEnv } from './kafka-security';

describe('kafkaSecurityFromEnv (tools and test fixtures)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-security-'));
  const password = join(dir, 'password');
  writeFileSync(password, 'p4ss\n');

  it('ignores unrelated variables and connects in plain text when none is set', () => {
    expect(kafkaSecurityFromEnv('tool', { PATH: '/bin', KAFKA_BROKERS: 'b:9092' })).toEqual({});
  });

  it('builds SASL over TLS, reading the password file', () => {
    expect(kafkaSecurityFromEnv('tool', { KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD_FILE: password })).toEqual({
      ssl: { rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-256', username: 'u', password: 'p4ss' },
    });
  });

  it('refuses a half-configured SASL, naming the variables, rather than connecting without it', () => {
    expect(() => kafkaSecurityFromEnv('tool', { KAFKA_SASL_USERNAME: 'u' })).toThrow(ConfigError);
    expect(() => kafkaSecurityFromEnv('tool', { KAFKA_SASL_USERNAME: 'u' })).toThrow(/KAFKA_SASL_MECHANISM: required when SASL is configured/);
  });
});
