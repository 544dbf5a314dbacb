// Kafka's TLS and SASL client settings, apart from libs/kafka so that the test harness
// (which libs/kafka's own tests import) can connect to a secured broker too.
export * from './lib/kafka-security';
