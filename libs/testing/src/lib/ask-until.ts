/**
 * Asks again until `done` holds, or fails naming the last answer. Only for interfaces that are
 * polled by design (readiness probes, a server's state): what a test waits for there is not an
 * event it could subscribe to. The pause between asks paces the polling; it never decides a result.
 */
export async function askUntil<T>(what: string, ask: () => Promise<T>, done: (answer: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await ask();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} within ${timeoutMs} ms; last answer: ${JSON.stringify(last)}`);
}
