import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import { z } from 'zod';
import { ConfigError, envBool, envFile, loadConfig, OUTSIDE_DEV_MODE, type SecurityAssessment, type SecurityGap } from '@newswire/config';

export const KAFKA_SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512', 'plain'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/**
 * How every client reaches a secured broker: TLS (optionally mutual) and
 * SASL. Files are read once, while the environment is validated.
 */
export const KafkaSecurityEnv = z.object({
  KAFKA_SSL: envBool(false),
  /** PEM CA bundle for a private CA; without it the system's CAs verify the broker. */
  KAFKA_SSL_CA_FILE: envFile(),
  /** PEM client certificate and key, for brokers that require mutual TLS. */
  KAFKA_SSL_CERT_FILE: envFile(),
  KAFKA_SSL_KEY_FILE: envFile(),
  KAFKA_SSL_REJECT_UNAUTHORIZED: envBool(true),
  /** Kafka's own spelling (SCRAM-SHA-512) is accepted too. */
  KAFKA_SASL_MECHANISM: z.string().trim().toLowerCase().pipe(z.enum(KAFKA_SASL_MECHANISMS)).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  /** The password in a file (a mounted secret), so it stays out of the process environment. */
  KAFKA_SASL_PASSWORD_FILE: envFile({ secret: true }),
});
export type KafkaSecurityConfig = z.infer<typeof KafkaSecurityEnv>;

/** The `ssl` and `sasl` parts of a kafkajs client configuration. */
export interface KafkaSecurity {
  ssl?: ConnectionOptions;
  sasl?: SASLOptions;
}

function saslPassword(env: KafkaSecurityConfig): string | undefined {
  return env.KAFKA_SASL_PASSWORD ?? env.KAFKA_SASL_PASSWORD_FILE?.content;
}

export function kafkaSecurityFrom(env: KafkaSecurityConfig): KafkaSecurity {
  const security: KafkaSecurity = {};
  if (env.KAFKA_SSL) {
    security.ssl = {
      rejectUnauthorized: env.KAFKA_SSL_REJECT_UNAUTHORIZED,
      ...(env.KAFKA_SSL_CA_FILE && { ca: [env.KAFKA_SSL_CA_FILE.content] }),
      ...(env.KAFKA_SSL_CERT_FILE && { cert: env.KAFKA_SSL_CERT_FILE.content }),
      ...(env.KAFKA_SSL_KEY_FILE && { key: env.KAFKA_SSL_KEY_FILE.content }),
    };
  }
  const password = saslPassword(env);
  if (env.KAFKA_SASL_MECHANISM && env.KAFKA_SASL_USERNAME && password) {
    security.sasl = { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME, password } as SASLOptions;
  }
  return security;
}

const SASL_VARIABLES = ['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE'] as const;

/**
 * Contradictory settings are refused in every mode (a half-configured SASL
 * or TLS would otherwise silently connect without it); a broker reached
 * without credentials, in clear text or without verifying its certificate is
 * a gap that only development mode allows.
 */
export function assessKafkaSecurity(env: KafkaSecurityConfig): SecurityAssessment {
  const invalid: string[] = [];
  const gaps: SecurityGap[] = [];

  if (env.KAFKA_SASL_PASSWORD && env.KAFKA_SASL_PASSWORD_FILE) {
    invalid.push('KAFKA_SASL_PASSWORD_FILE: set either KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both');
  }
  const sasl = [env.KAFKA_SASL_MECHANISM, env.KAFKA_SASL_USERNAME, saslPassword(env)];
  if (sasl.some(Boolean)) {
    sasl.forEach((value, i) => {
      if (!value) invalid.push(`${SASL_VARIABLES[i]}: required when SASL is configured (${SASL_VARIABLES.join(', ')})`);
    });
  } else {
    gaps.push({
      open: 'Kafka: this service connects without credentials (no SASL)',
      problems: SASL_VARIABLES.map((v) => `${v}: ${OUTSIDE_DEV_MODE}`),
    });
  }

  if (env.KAFKA_SSL) {
    if (Boolean(env.KAFKA_SSL_CERT_FILE) !== Boolean(env.KAFKA_SSL_KEY_FILE)) {
      invalid.push(`${env.KAFKA_SSL_CERT_FILE ? 'KAFKA_SSL_KEY_FILE' : 'KAFKA_SSL_CERT_FILE'}: mutual TLS needs both KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE`);
    }
    if (!env.KAFKA_SSL_REJECT_UNAUTHORIZED) {
      gaps.push({
        open: "Kafka: the broker's certificate is not verified (KAFKA_SSL_REJECT_UNAUTHORIZED=false)",
        problems: [`KAFKA_SSL_REJECT_UNAUTHORIZED: must stay true, ${OUTSIDE_DEV_MODE}`],
      });
    }
  } else {
    for (const name of ['KAFKA_SSL_CA_FILE', 'KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE'] as const) {
      if (env[name]) invalid.push(`${name}: set but KAFKA_SSL is not true, so the connection would not use TLS`);
    }
    gaps.push({
      open: 'Kafka: traffic in clear text (no TLS)',
      problems: [`KAFKA_SSL: must be true, ${OUTSIDE_DEV_MODE}`],
    });
  }
  return { link: 'kafka', invalid, gaps };
}

/**
 * The `ssl` and `sasl` options for a client configured by environment
 * (tools, test fixtures), validated like a service's: a missing file or a
 * half-configured setting is a ConfigError naming the variable.
 */
export function kafkaSecurityFromEnv(clientId: string, env: Record<string, string | undefined>): KafkaSecurity {
  const config = loadConfig(clientId, KafkaSecurityEnv, env);
  const { invalid } = assessKafkaSecurity(config);
  if (invalid.length) throw new ConfigError(clientId, invalid);
  return kafkaSecurityFrom(config);
}
