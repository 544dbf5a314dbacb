/** Thrown for a cursor the client altered or took from another query. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

export interface CursorPosition {
  storedAt: Date;
  id: string;
}

/**
 * Opaque to clients: the (storedAt, _id) of the last item served. storedAt
 * is the story's first-stored time and never changes, so an update cannot
 * move a story across a page boundary; new stories sort before any cursor.
 */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.storedAt.getTime(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Safe integers reach past the largest Date (±8.64e15 ms): such a cursor would be an Invalid Date in the query.
    if (Array.isArray(parsed) && parsed.length === 2 && Number.isSafeInteger(parsed[0]) && typeof parsed[1] === 'string') {
      const storedAt = new Date(parsed[0]);
      if (!Number.isNaN(storedAt.getTime())) return { storedAt, id: parsed[1] };
    }
  } catch {
    // fall through: any malformed cursor gets the same answer
  }
  throw new InvalidCursorError('cursor is not one this API issued');
}
