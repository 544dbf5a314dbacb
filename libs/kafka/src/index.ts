export * from './lib/errors';
export * from './lib/kafka-config';
// Every client's TLS and SASL settings, from their own small lib (the test harness needs them too).
export * from '@newswire/kafka-security';
export * from './lib/kafka-from-env';
export * from './lib/client';
export * from './lib/topics-admin';
export * from './lib/outbound';
export * from './lib/batching-producer';
export * from './lib/stage-consumer';
export * from './lib/nest-stage-server';
export * from './lib/stage-bootstrap';
export * from './lib/stage-telemetry';
export * from './lib/dead-letter-replay';
export * from './lib/broker-probe';
export * from './lib/publish-failures';
export * from './lib/records';
export * from './lib/dead-letters';
