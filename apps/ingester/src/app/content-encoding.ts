import { HttpStatus } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { type BrotliDecompress, type Gunzip, type Inflate, type InflateRaw, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { ApiError } from './http-errors';

/** The codings a sender may apply (RFC 9110 §8.4.1); identity means none. */
export const SUPPORTED_CONTENT_CODINGS = ['gzip', 'x-gzip', 'deflate', 'br', 'identity'] as const;
type Coding = Exclude<(typeof SUPPORTED_CONTENT_CODINGS)[number], 'identity'>;
/** Two layers cover every real client (e.g. gzip over br); more is only a way to multiply work. */
const MAX_CODINGS = 2;

/** Stopped because the inflated body passed the budget; says how far it got (for tests and logs). */
export class InflatedTooLarge extends Error {
  override readonly name = 'InflatedTooLarge';
  constructor(
    readonly maxBytes: number,
    /** Inflated bytes produced before stopping: at most the budget plus one zlib chunk. */
    readonly producedBytes: number,
    /** Compressed bytes the decoder had consumed when it was stopped. */
    readonly consumedBytes: number,
  ) {
    super(`the body inflates to more than ${maxBytes} bytes`);
  }
}

/**
 * The codings of a Content-Encoding header, in the order they were applied.
 * Unknown codings and more than two layers are refused with 415.
 */
export function contentCodings(header: string | string[] | undefined): Coding[] {
  const listed = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  const unknown = listed.filter((c) => !(SUPPORTED_CONTENT_CODINGS as readonly string[]).includes(c));
  if (unknown.length > 0) {
    throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_content_encoding', `content coding ${unknown.join(', ')} is not supported`, {
      supported: SUPPORTED_CONTENT_CODINGS,
    });
  }
  const codings = listed.filter((c): c is Coding => c !== 'identity');
  if (codings.length > MAX_CODINGS) {
    throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_content_encoding', `at most ${MAX_CODINGS} content codings are accepted, got ${codings.length}`, {
      supported: SUPPORTED_CONTENT_CODINGS,
    });
  }
  return codings;
}

/** "deflate" is meant to be zlib-wrapped (RFC 1950), but some clients send raw deflate: the header tells. */
function isZlibWrapped(data: Buffer): boolean {
  return data.length >= 2 && (data[0] & 0x0f) === 8 && ((data[0] << 8) | data[1]) % 31 === 0;
}

function decoderFor(coding: Coding, data: Buffer): Gunzip | Inflate | InflateRaw | BrotliDecompress {
  if (coding === 'br') return createBrotliDecompress();
  if (coding === 'deflate') return isZlibWrapped(data) ? createInflate() : createInflateRaw();
  return createGunzip();
}

/**
 * Undoes one coding, streaming, and stops the moment the output passes
 * `maxBytes`: a 100 MB bomb compressed to 100 KB costs at most the budget
 * plus one 16 KB zlib chunk of work and memory, never its inflated size.
 */
export async function inflateCoding(coding: Coding, data: Buffer, maxBytes: number): Promise<Buffer> {
  const decoder = decoderFor(coding, data);
  // zlib honours backpressure inside one write: it inflates only as fast as the loop below reads.
  decoder.end(data);
  const chunks: Buffer[] = [];
  let size = 0;
  // A corrupt stream throws here; leaving the loop early destroys the decoder.
  for await (const chunk of decoder as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new InflatedTooLarge(maxBytes, size, decoder.bytesWritten);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Inflates a request body as its Content-Encoding says, the last coding
 * applied being undone first. Runs after the wire-size check (readBody) and
 * the signature check over the raw bytes, before charset decoding.
 * The body budget applies to every inflated layer: 413 payload_too_large
 * past it, 415 unsupported_content_encoding for a coding we do not know,
 * 400 invalid_content_encoding for data that does not inflate.
 */
export async function inflateBody(raw: Buffer, headers: IncomingHttpHeaders, maxBytes: number): Promise<Buffer> {
  const codings = contentCodings(headers['content-encoding']);
  if (codings.length === 0 || raw.length === 0) return raw;
  let body = raw;
  for (const coding of [...codings].reverse()) {
    try {
      body = await inflateCoding(coding, body, maxBytes);
    } catch (error) {
      if (error instanceof InflatedTooLarge) {
        throw new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', `the body inflates to more than the limit of ${maxBytes} bytes`, {
          maxBytes,
          contentEncoding: codings.join(', '),
        });
      }
      throw new ApiError(HttpStatus.BAD_REQUEST, 'invalid_content_encoding', `the body is not valid ${coding} data: ${(error as Error).message}`, {
        contentEncoding: codings.join(', '),
      });
    }
  }
  return body;
}
