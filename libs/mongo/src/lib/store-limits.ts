/**
 * Statements per write command. FerretDB 1.24 never answers an `update` command that modifies 100
 * or more existing documents (99 are answered in half a second; reproduced with the raw driver on
 * its SQLite backend), so every bulk write that may modify stored documents goes in slices of this
 * many. MongoDB does not mind; the extra round trips cost it little. (The cause: each statement kept
 * its read open to the end of the command, and SQLite's pool has 100 connections. The local stack's
 * build closes each read when its statement is done; the slices stay for stores without that fix.)
 */
export const MAX_UPDATES_PER_COMMAND = 50;

/** `items` in consecutive slices of at most `size` (MAX_UPDATES_PER_COMMAND by default). */
export function inSlices<T>(items: readonly T[], size = MAX_UPDATES_PER_COMMAND): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += size) slices.push(items.slice(start, start + size));
  return slices;
}
