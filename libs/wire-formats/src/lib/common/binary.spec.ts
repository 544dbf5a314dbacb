import * as iconv from 'iconv-lite';
import { parseDocument } from '../dispatch/parse-document';
import { binaryKind } from './binary';

/** A JPEG's first bytes as a camera writes them: SOI, an APP0/JFIF segment, then data with SOH and STX in it. */
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x01, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]),
  Buffer.from([0xff, 0xdb, 0x00, 0x43, 0x00, 0x01, 0x02, 0x03, 0x04, 0x16]),
  Buffer.from('Markets rally\r\n\r\nStocks rose.'),
]);

/** Deterministic bytes with no signature, as compressed or encrypted data looks. */
function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('binaryKind', () => {
  it.each<[string, Buffer, string]>([
    ['JPEG', JPEG, 'a JPEG image'],
    ['PNG', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(64)]), 'a PNG image'],
    ['GIF', Buffer.from('GIF89a\u0001\u0000\u0001\u0000', 'latin1'), 'a GIF image'],
    ['PDF', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj', 'latin1'), 'a PDF document'],
    ['ZIP or DOCX', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise(64)]), 'a ZIP archive or office document'],
    ['MP3 with an ID3 tag', Buffer.concat([Buffer.from('ID3\u0004\u0000', 'latin1'), noise(64)]), 'an MP3 file (ID3)'],
    ['MP4', Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), noise(64)]), 'an MP4 or QuickTime file'],
    ['WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WEBPVP8 '), noise(32)]), 'a WebP image'],
    ['gzip', Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08]), noise(64)]), 'a gzip stream'],
    ['data without a signature', noise(8192), 'binary data'],
  ])('names %s', (_case, body, kind) => {
    expect(binaryKind(body)).toBe(kind);
  });

  it.each<[string, Buffer | string]>([
    ['plain text', 'Markets rally\n\nStocks rose on Monday.'],
    ['text that begins like a RIFF header but is not one', 'RIFF between the allies\n\nTalks stalled.'],
    ['UTF-16LE without a BOM', iconv.encode('Markets rally\n\nStocks rose on Monday.', 'utf-16le')],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('Markets rally', 'utf-16be')])],
    ['UTF-32LE without a BOM', iconv.encode('<rss><channel><title>Markets</title></channel></rss>', 'utf-32le')],
    ['UTF-32BE with a BOM', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), iconv.encode('<rss><channel><title>Markets</title></channel></rss>', 'utf-32be')])],
    ['a story with a few stray NULs', Buffer.from('Mar\u0000kets rally\n\nStocks\u0000 rose\u0007 on Monday.')],
    ['a message padded with NULs to a block size', Buffer.concat([Buffer.from('Markets rally\n\nStocks rose.'), Buffer.alloc(4000)])],
    // ANPA 1312 tables carry BS, DLE and DC1-DC4; IPTC 7901 frames with SOH/STX/ETX/EOT and uses DEL.
    ['wire copy full of C0 controls', Buffer.from('\u0001\u0016\u0016a0001 r s BC-BBO\u001f\u0002\u0010Baltimore\u000823\u000813\u0012\u0014\r\n\u007f\u0003\u0004', 'latin1')],
  ])('reads %s as text', (_case, body) => {
    expect(binaryKind(body)).toBeUndefined();
  });
});

describe('parseDocument refuses binary content', () => {
  it('a JPEG sent as text/plain is refused with what it is, not read as an IPTC 7901 message', () => {
    const outcome = parseDocument({ body: JPEG, contentType: 'text/plain' });
    expect(outcome.items).toEqual([expect.objectContaining({ ok: false, code: 'unsupported-format', reason: expect.stringContaining('a JPEG image') })]);
  });

  it('a picture with no content type or a misleading file name is refused the same way', () => {
    for (const input of [{ body: JPEG }, { body: JPEG, filename: 'story.txt' }, { body: JPEG, contentType: 'application/xml' }]) {
      expect(parseDocument(input).items[0]).toMatchObject({ ok: false, code: 'unsupported-format' });
    }
  });
});
