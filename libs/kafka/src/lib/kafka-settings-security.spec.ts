import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, enforceSecurity, loadConfig } from '@newswire/config';
import { KafkaEnv, kafkaSettingsFrom } from './kafka-config';
import { assessKafkaSecurity, kafkaSecurityFrom } from '@newswire/kafka-security';
import { StageEnv } from './stage-bootstrap';

const dir = mkdtempSync(join(tmpdir(), 'kafka-security-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const CA = file('ca.pem', '-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n');
const CERT = file('client.pem', 'client-cert');
const KEY = file('client.key', 'client-key');
const PASSWORD = file('password', 'from-file\n');

const secure = {
  KAFKA_SSL: 'true',
  KAFKA_SSL_CA_FILE: CA,
  KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
  KAFKA_SASL_USERNAME: 'newswire',
  KAFKA_SASL_PASSWORD_FILE: PASSWORD,
};

const kafkaConfig = (env: Record<string, string>) => loadConfig('svc', KafkaEnv, env);
const assess = (env: Record<string, string>) => assessKafkaSecurity(kafkaConfig(env));

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('Kafka client security settings', () => {
  it('builds kafkajs ssl and sasl options from the environment, reading the files once', () => {
    const settings = kafkaSettingsFrom(kafkaConfig(secure), 'svc');
    expect(settings.security).toEqual({
      ssl: { rejectUnauthorized: true, ca: ['-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n'] },
      sasl: { mechanism: 'scram-sha-512', username: 'newswire', password: 'from-file' },
    });
  });

  it('adds a client certificate for mutual TLS and takes a password from the environment', () => {
    const env = { KAFKA_SSL: '1', KAFKA_SSL_CERT_FILE: CERT, KAFKA_SSL_KEY_FILE: KEY, KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' };
    expect(kafkaSecurityFrom(kafkaConfig(env))).toEqual({
      ssl: { rejectUnauthorized: true, cert: 'client-cert', key: 'client-key' },
      sasl: { mechanism: 'plain', username: 'u', password: 'p' },
    });
    expect(assess(env)).toEqual({ link: 'kafka', invalid: [], gaps: [] });
  });

  it('connects in plain text without credentials when nothing is set (development)', () => {
    expect(kafkaSecurityFrom(kafkaConfig({}))).toEqual({});
  });

  it('refuses an unknown mechanism and a missing file, naming the variable', () => {
    expect(problemsOf(() => kafkaConfig({ KAFKA_SASL_MECHANISM: 'gssapi' }))[0]).toMatch(/^KAFKA_SASL_MECHANISM: /);
    expect(problemsOf(() => kafkaConfig({ KAFKA_SASL_PASSWORD_FILE: join(dir, 'missing') }))).toEqual([
      `KAFKA_SASL_PASSWORD_FILE: cannot read ${join(dir, 'missing')} (ENOENT)`,
    ]);
  });

  it('finds nothing open with SASL over verified TLS', () => {
    expect(assess(secure)).toEqual({ link: 'kafka', invalid: [], gaps: [] });
  });

  it('outside development mode names every missing variable', () => {
    const problems = problemsOf(() => enforceSecurity('svc', { NEWSWIRE_DEV_MODE: false }, [assess({})]));
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'KAFKA_SASL_MECHANISM',
      'KAFKA_SASL_USERNAME',
      'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE',
      'KAFKA_SSL',
    ]);
    expect(problems[0]).toContain('NEWSWIRE_DEV_MODE');
  });

  it('refuses an unverified broker certificate outside development mode', () => {
    const problems = problemsOf(() => enforceSecurity('svc', { NEWSWIRE_DEV_MODE: false }, [assess({ ...secure, KAFKA_SSL_REJECT_UNAUTHORIZED: 'false' })]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^KAFKA_SSL_REJECT_UNAUTHORIZED: /);
  });

  it('lists what is open in development mode, and only that', () => {
    expect(enforceSecurity('svc', { NEWSWIRE_DEV_MODE: true }, [assess({})])).toEqual([
      'Kafka: this service connects without credentials (no SASL)',
      'Kafka: traffic in clear text (no TLS)',
    ]);
    const saslOnly = { KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' };
    expect(enforceSecurity('svc', { NEWSWIRE_DEV_MODE: true }, [assess(saslOnly)])).toEqual(['Kafka: traffic in clear text (no TLS)']);
    expect(enforceSecurity('svc', { NEWSWIRE_DEV_MODE: true }, [assess(secure)])).toEqual([]);
  });

  it('refuses half-configured SASL or TLS in every mode, instead of connecting without it', () => {
    expect(assess({ KAFKA_SASL_USERNAME: 'u' }).invalid.map((p) => p.split(':')[0])).toEqual([
      'KAFKA_SASL_MECHANISM',
      'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE',
    ]);
    expect(assess({ ...secure, KAFKA_SASL_PASSWORD: 'p' }).invalid).toEqual([
      'KAFKA_SASL_PASSWORD_FILE: set either KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both',
    ]);
    expect(assess({ KAFKA_SSL_CA_FILE: CA }).invalid).toEqual(['KAFKA_SSL_CA_FILE: set but KAFKA_SSL is not true, so the connection would not use TLS']);
    expect(assess({ ...secure, KAFKA_SSL_CERT_FILE: CERT }).invalid).toEqual([
      'KAFKA_SSL_KEY_FILE: mutual TLS needs both KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE',
    ]);
    expect(problemsOf(() => enforceSecurity('svc', { NEWSWIRE_DEV_MODE: true }, [assess({ KAFKA_SASL_USERNAME: 'u' })]))).toHaveLength(2);
  });

  it('keeps the stage schema extendable (no refinements on it)', () => {
    const extended = StageEnv.extend({});
    expect(loadConfig('svc', extended, secure).KAFKA_SASL_USERNAME).toBe('newswire');
  });
});
