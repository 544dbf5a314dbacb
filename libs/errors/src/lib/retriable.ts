/**
 * Asks again while the error says it is retriable (kafkajs errors and
 * PlatformError both carry `retriable`), until `deadline` (epoch ms). The
 * case it was written for: in a cluster, a broker other than the controller may not know
 * a topic created a moment ago (UNKNOWN_TOPIC_OR_PARTITION, retriable), and
 * kafkajs' own leader wait retries only LEADER_NOT_AVAILABLE: asked again, it
 * answers once the metadata has reached it.
 */
export async function askWhileRetriable<T>(ask: () => Promise<T>, deadline: number, pauseMs = 100): Promise<T> {
  for (;;) {
    try {
      return await ask();
    } catch (err) {
      const retriable = (err as { retriable?: boolean }).retriable === true;
      if (!retriable || Date.now() >= deadline) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
