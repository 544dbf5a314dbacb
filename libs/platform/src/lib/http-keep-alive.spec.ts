import { createServer } from 'node:http';
import { KEEP_ALIVE_TIMEOUT_MS, keepConnectionsAlive } from './http-keep-alive';

describe('keepConnectionsAlive', () => {
  it('keeps idle connections longer than a load balancer does, and header reads longer still', () => {
    const server = createServer();
    keepConnectionsAlive(server);
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });
});
