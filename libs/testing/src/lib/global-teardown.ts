export default async function globalTeardown(): Promise<void> {
  const infra = globalThis.__NEWSWIRE_INFRA__;
  if (infra?.source === 'testcontainers') {
    await infra.stop();
    globalThis.__NEWSWIRE_INFRA__ = undefined;
  }
}
