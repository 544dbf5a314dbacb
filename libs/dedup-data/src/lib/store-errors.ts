import { TransientError } from '@newswire/errors';

const DUPLICATE_KEY = 11000;

export function isDuplicateKey(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: number; writeErrors?: { code?: number }[] };
  return e.code === DUPLICATE_KEY || (e.writeErrors?.length ? e.writeErrors.every((w) => w.code === DUPLICATE_KEY) : false);
}

/**
 * Anything the store throws that is not a decision (duplicate key) is a
 * hiccup worth retrying: the runtime retries TransientError with backoff.
 */
export async function storeOp<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof TransientError) throw err;
    throw new TransientError(`dedup store: ${what} failed: ${(err as Error).message}`, { cause: err });
  }
}
