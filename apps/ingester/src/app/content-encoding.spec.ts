import { Readable } from 'node:stream';
import { brotliCompressSync, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { type HttpException } from '@nestjs/common';
import { InflatedTooLarge, contentCodings, inflateBody, inflateCoding } from './content-encoding';

const text = Buffer.from('Markets rally\n\nStocks rose on Monday. '.repeat(50));
const LIMIT = 5 * 1024 * 1024;

/** 100 MB of zeros gzipped as a stream (about 100 KB), without ever holding the 100 MB. */
async function gzipBomb(megabytes: number): Promise<Buffer> {
  const zeros = Buffer.alloc(1024 * 1024);
  const chunks: Buffer[] = [];
  const source = Readable.from((function* () {
    for (let i = 0; i < megabytes; i++) yield zeros;
  })());
  for await (const chunk of source.pipe(createGzip())) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; body: { error: string; message: string; details?: Record<string, unknown> } }> {
  try {
    await promise;
  } catch (error) {
    const http = error as HttpException;
    return { status: http.getStatus(), body: http.getResponse() as { error: string; message: string } };
  }
  throw new Error('expected a refusal');
}

describe('inflateBody', () => {
  it.each([
    ['gzip', gzipSync(text)],
    ['x-gzip', gzipSync(text)],
    ['GZIP', gzipSync(text)],
    ['deflate', deflateSync(text)],
    ['deflate', deflateRawSync(text)],
    ['br', brotliCompressSync(text)],
    ['identity', text],
    ['identity, gzip', gzipSync(text)],
    ['gzip, br', brotliCompressSync(gzipSync(text))],
    ['deflate,gzip', gzipSync(deflateSync(text))],
  ])('undoes Content-Encoding: %s', async (coding, body) => {
    expect(await inflateBody(body, { 'content-encoding': coding }, LIMIT)).toEqual(text);
  });

  it('passes a body without Content-Encoding through untouched', async () => {
    expect(await inflateBody(text, {}, LIMIT)).toBe(text);
  });

  it.each(['compress', 'zstd', 'gzip, compress', 'gzip, gzip, gzip'])('refuses %s with 415 unsupported_content_encoding', async (coding) => {
    const { status, body } = await refusal(inflateBody(gzipSync(text), { 'content-encoding': coding }, LIMIT));
    expect(status).toBe(415);
    expect(body.error).toBe('unsupported_content_encoding');
    expect(body.details?.['supported']).toEqual(['gzip', 'x-gzip', 'deflate', 'br', 'identity']);
  });

  it.each([
    ['gzip', Buffer.from('this is not gzip at all')],
    ['gzip', gzipSync(text).subarray(0, 40)],
    ['br', Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x01])],
    ['deflate', Buffer.from('not deflate either')],
  ])('refuses corrupt %s data with 400 invalid_content_encoding', async (coding, body) => {
    const { status, body: json } = await refusal(inflateBody(body, { 'content-encoding': coding }, LIMIT));
    expect(status).toBe(400);
    expect(json.error).toBe('invalid_content_encoding');
  });

  it('applies the body budget to each inflated layer', async () => {
    const { status, body } = await refusal(inflateBody(gzipSync(Buffer.alloc(LIMIT + 1, 'a')), { 'content-encoding': 'gzip' }, LIMIT));
    expect(status).toBe(413);
    expect(body).toMatchObject({ error: 'payload_too_large', details: { maxBytes: LIMIT } });
    expect(body.message).toContain(String(LIMIT));
    expect(await inflateBody(gzipSync(Buffer.alloc(LIMIT, 'a')), { 'content-encoding': 'gzip' }, LIMIT)).toHaveLength(LIMIT);
  });

  describe('a gzip bomb (100 MB of zeros)', () => {
    let bomb: Buffer;
    beforeAll(async () => {
      bomb = await gzipBomb(100);
    });

    it('is refused with 413 naming the limit', async () => {
      expect(bomb.length).toBeLessThan(200 * 1024);
      const { status, body } = await refusal(inflateBody(bomb, { 'content-encoding': 'gzip' }, LIMIT));
      expect(status).toBe(413);
      expect(body).toMatchObject({ error: 'payload_too_large', details: { maxBytes: LIMIT, contentEncoding: 'gzip' } });
    });

    it('is never inflated past the limit: inflation stops one zlib chunk after it', async () => {
      const stopped = await inflateCoding('gzip', bomb, LIMIT).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(stopped).toBeInstanceOf(InflatedTooLarge);
      const { producedBytes, consumedBytes } = stopped as InflatedTooLarge;
      expect(producedBytes).toBeGreaterThan(LIMIT);
      expect(producedBytes).toBeLessThanOrEqual(LIMIT + 64 * 1024);
      // Only the first few kilobytes of the compressed body were read; the other 95 MB were never made.
      expect(consumedBytes).toBeLessThan(bomb.length / 10);
    });
  });
});

describe('contentCodings', () => {
  it('lists the codings in the order applied, without identity', () => {
    expect(contentCodings(' gzip , identity,BR ')).toEqual(['gzip', 'br']);
    expect(contentCodings(undefined)).toEqual([]);
    expect(contentCodings(['gzip', 'br'])).toEqual(['gzip', 'br']);
  });
});
