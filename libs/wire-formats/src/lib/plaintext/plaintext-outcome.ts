import { finishDraft, reject } from '../common/draft';
import { readInput } from '../common/input';
import type { ParseOptions } from '../common/limits';
import { type ParseOutcome, ParseRejection } from '../common/types';
import { parsePlainText } from './plaintext-parser';

/**
 * The plain-text reader in the common outcome shape: one story per document.
 * Its own rejections (no body, no headline) become a rejected item, since the
 * document itself was readable.
 */
export function parsePlainTextDocument(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text } = readInput(body, options);
  try {
    return { format: 'plaintext', items: [finishDraft(parsePlainText(text), 0)] };
  } catch (error) {
    if (error instanceof ParseRejection) return { format: 'plaintext', items: [reject(0, error.code, error.message)] };
    throw error;
  }
}
