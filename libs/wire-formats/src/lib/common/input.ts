import { decodeBuffer } from '../encoding/decode';
import { type ParseLimits, type ParseOptions, resolveLimits } from './limits';
import { ParseRejection } from './types';

/** Size check on the raw bytes first, so an oversized body is never decoded. */
export function readInput(body: Buffer | string, options?: ParseOptions): { text: string; limits: ParseLimits } {
  const limits = resolveLimits(options);
  if (body.length > limits.maxBytes) throw new ParseRejection('too-large', `document larger than ${limits.maxBytes} bytes`);
  const { text } = decodeBuffer(body, options?.contentType);
  if (!text.trim()) throw new ParseRejection('empty', 'the document is empty');
  return { text, limits };
}
