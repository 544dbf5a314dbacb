import { finishDraft } from '../common/draft';
import { readInput } from '../common/input';
import type { ParseOptions } from '../common/limits';
import type { ParseOutcome } from '../common/types';
import { readAnpa1312 } from './anpa1312-reader';
import { readIptc7901 } from './iptc7901-reader';

/** IPTC 7901: one story per message. */
export function parseIptc7901(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text } = readInput(body, options);
  return { format: 'iptc-7901', items: [finishDraft(readIptc7901(text), 0)] };
}

/** ANPA 1312: one story per message. */
export function parseAnpa1312(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text } = readInput(body, options);
  return { format: 'anpa-1312', items: [finishDraft(readAnpa1312(text), 0)] };
}
