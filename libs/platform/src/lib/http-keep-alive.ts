import type { Server } from 'node:http';

/** Longer than the idle timeout of common load balancers and HTTP clients' pools (60 s). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Node closes an idle keep-alive connection after 5 s by default. A client
 * (a load balancer, undici's pool) that sends its next request on that
 * connection just as the server closes it gets "other side closed" for a
 * request the server never saw. The server must be the one that waits
 * longer; headersTimeout must exceed keepAliveTimeout (nodejs/node#27363).
 */
export function keepConnectionsAlive(server: Pick<Server, 'keepAliveTimeout' | 'headersTimeout'>, idleMs = KEEP_ALIVE_TIMEOUT_MS): void {
  server.keepAliveTimeout = idleMs;
  server.headersTimeout = idleMs + 1_000;
}
