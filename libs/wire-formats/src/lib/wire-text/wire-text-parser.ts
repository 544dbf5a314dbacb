import { finishDraft, type PartialDraft, reject } from '../common/draft';
import { readInput } from '../common/input';
import type { ParseOptions } from '../common/limits';
import { type ItemOutcome, type ParseOutcome, ParseRejection } from '../common/types';
import { readAnpa1312 } from './anpa1312-reader';
import { readIptc7901 } from './iptc7901-reader';

/** One story per message; a message the reader cannot take a story from is a rejected item, with the reason. */
function storyOf(read: () => PartialDraft): ItemOutcome {
  try {
    return finishDraft(read(), 0);
  } catch (error) {
    if (error instanceof ParseRejection) return reject(0, error.code, error.message);
    throw error;
  }
}

export function parseIptc7901(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text } = readInput(body, options);
  return { format: 'iptc-7901', items: [storyOf(() => readIptc7901(text))] };
}

export function parseAnpa1312(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text } = readInput(body, options);
  return { format: 'anpa-1312', items: [storyOf(() => readAnpa1312(text))] };
}
