import { decodeBuffer } from '../encoding/decode';
import { binaryKind } from './binary';
import { type ParseLimits, type ParseOptions, resolveLimits } from './limits';
import { ParseRejection } from './types';

/** Size and binary checks on the raw bytes first, so an oversized or binary body is never decoded. */
export function readInput(body: Buffer | string, options?: ParseOptions): { text: string; limits: ParseLimits } {
  const limits = resolveLimits(options);
  if (body.length > limits.maxBytes) throw new ParseRejection('too-large', `document larger than ${limits.maxBytes} bytes`);
  const binary = binaryKind(body);
  if (binary) throw new ParseRejection('unsupported-format', `binary content (${binary}), not a text story`);
  const { text } = decodeBuffer(body, options?.contentType);
  if (!text.trim()) throw new ParseRejection('empty', 'the document is empty');
  return { text, limits };
}
