import { HttpStatus } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ApiError } from './http-errors';

/**
 * Reads the request body ourselves (Nest's parsers are off) so that size is
 * enforced while streaming and every failure becomes a JSON 4xx.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      req.resume();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', `the body exceeds the limit of ${maxBytes} bytes`, { maxBytes });
}
