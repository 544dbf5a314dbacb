import { KafkaEnv, kafkaSettingsFrom } from './kafka-config';

describe('Kafka fetch settings', () => {
  it('waits briefly for a chunk worth of bytes by default, and as told', () => {
    expect(kafkaSettingsFrom(KafkaEnv.parse({}), 'storage')).toMatchObject({ fetchMinBytes: 32 * 1024, fetchMaxWaitMs: 50 });
    expect(kafkaSettingsFrom(KafkaEnv.parse({ KAFKA_FETCH_MIN_BYTES: '65536', KAFKA_FETCH_MAX_WAIT_MS: '100' }), 'storage')).toMatchObject({ fetchMinBytes: 65536, fetchMaxWaitMs: 100 });
  });

  it('refuses a minimum that is no byte count', () => {
    expect(KafkaEnv.safeParse({ KAFKA_FETCH_MIN_BYTES: '0' }).success).toBe(false);
    expect(KafkaEnv.safeParse({ KAFKA_FETCH_MIN_BYTES: 'lots' }).success).toBe(false);
  });
});
