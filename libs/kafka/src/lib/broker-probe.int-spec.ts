import { createServer, type Server } from 'node:net';
import { testEnv } from '@newswire/testing';
import { BrokerProbe } from './broker-probe';
import { kafkaSettingsFrom, KafkaEnv } from './kafka-config';
import { loadConfig } from '@newswire/config';

describe('BrokerProbe', () => {
  it('reports a broker that answers as reachable', async () => {
    const env = testEnv('probe');
    const probe = new BrokerProbe(kafkaSettingsFrom(loadConfig('probe-test', KafkaEnv, env), 'probe-test'), 60_000);
    await probe.start();
    try {
      expect(probe.reachable).toBe(true);
    } finally {
      await probe.stop();
    }
  });

  it('reports a broker that accepts connections but never answers as unreachable, within its timeout', async () => {
    // A listener that swallows every request: the way a SIGSTOPped or partitioned broker looks.
    const sockets = new Set<import('node:net').Socket>();
    const blackHole: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const { port } = blackHole.address() as { port: number };
    const probe = new BrokerProbe({ brokers: [`127.0.0.1:${port}`], clientId: 'probe-test' }, 60_000, 1_000);
    const started = Date.now();
    try {
      await probe.start();
      expect(probe.reachable).toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await probe.stop();
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => blackHole.close(() => resolve()));
    }
  });
});
