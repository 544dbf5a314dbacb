import { finishDraft } from '../common/draft';
import { readInput } from '../common/input';
import type { ParseOptions } from '../common/limits';
import { type ParseOutcome, ParseRejection } from '../common/types';
import { parseXmlSafely } from '../xml/safe-xml';
import { readNitf } from './nitf-reader';

/** NITF 3.x: one document, one story. Whole-document problems throw ParseRejection. */
export function parseNitf(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text, limits } = readInput(body, options);
  const root = parseXmlSafely(text, limits);
  if (root.local !== 'nitf') throw new ParseRejection('unsupported-format', `expected <nitf>, found <${root.name}>`);
  return { format: 'nitf', items: [finishDraft(readNitf(root), 0)] };
}
