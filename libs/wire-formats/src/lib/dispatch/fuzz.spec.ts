import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { type ParseOutcome, ParseRejection } from '../common/types';
import { parseAtom } from '../feeds/atom-parser';
import { parseRss } from '../feeds/rss-parser';
import { parseNewsMlG2 } from '../newsml-g2/g2-parser';
import { parseNinjs } from '../ninjs/ninjs-parser';
import { parseNitf } from '../nitf/nitf-parser';
import { parseAgencyJson } from '../agency-json/agency-json';
import { parseNewsMl1 } from '../newsml-1/newsml1-parser';
import { parsePlainTextDocument } from '../plaintext/plaintext-outcome';
import { parseAnpa1312, parseIptc7901 } from '../wire-text/wire-text-parser';
import { parseEmail } from '../email/email-parser';
import { parseRitzau } from '../ritzau/ritzau-parser';
import { parseDocument } from './parse-document';

/**
 * Whatever the input, every parser returns an outcome or throws a
 * ParseRejection, and the dispatcher never throws. Inputs are random strings
 * and bytes, and mutations of the project's own fixtures.
 */
const root = join(__dirname, '../../fixtures');
const files: Buffer[] = [];
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (!full.includes('malicious')) files.push(readFileSync(full));
  }
};
walk(root);

const parsers: [string, (b: Buffer | string) => ParseOutcome][] = [
  ['ninjs', parseNinjs],
  ['newsml-g2', parseNewsMlG2],
  ['nitf', parseNitf],
  ['rss', parseRss],
  ['atom', parseAtom],
  ['plaintext', parsePlainTextDocument],
  ['newsml-1', parseNewsMl1],
  ['iptc-7901', parseIptc7901],
  ['anpa-1312', parseAnpa1312],
  ['agency-json', parseAgencyJson],
  ['email', parseEmail],
  ['ritzau-xml', parseRitzau],
];

const TAGS = ['<p>', '</p>', '<item>', '</entry>', '<![CDATA[', ']]>', '<!--', '&amp;', '&#x0;', '&#99999999;', '<!DOCTYPE x>', '"', '{', '}', '[', ']', '\u0000', '<script>', '\u0001', '\u0002', '\u0003', '\u0004', '\u0016\u0016\u0001', '^', '<!ENTITY x "y">', '\r\n--b1\r\n', '\r\n\r\n', 'Content-Type: multipart/mixed; boundary=b1\r\n', 'Content-Transfer-Encoding: base64\r\n', 'Content-Transfer-Encoding: quoted-printable\r\n', '=?utf-8?Q?=E2=80?=', '=\r\n', '=FF', '\u00c3\u00a9', '\u00e2\u20ac'];

/** A fixture, then truncated, with bytes flipped, or with markup inserted. */
const mutated: fc.Arbitrary<Buffer> = fc
  .record({
    file: fc.constantFrom(...files),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    inserts: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...TAGS)), { maxLength: 4 }),
    mode: fc.constantFrom('truncate', 'flip', 'insert', 'all'),
  })
  .map(({ file, cut, flips, inserts, mode }) => {
    let bytes = Buffer.from(file);
    if (mode === 'truncate' || mode === 'all') bytes = bytes.subarray(0, Math.floor(bytes.length * cut));
    if (mode === 'flip' || mode === 'all') for (const [at, value] of flips) if (bytes.length) bytes[Math.floor(at * (bytes.length - 1))] = value;
    if (mode === 'insert' || mode === 'all') {
      for (const [at, tag] of inserts) {
        const i = Math.floor(at * bytes.length);
        bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(tag), bytes.subarray(i)]);
      }
    }
    return bytes;
  });

const anyInput: fc.Arbitrary<Buffer | string> = fc.oneof(
  mutated,
  fc.string({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  fc.json().map((j) => j),
);

function outcomeOrRejection(fn: () => ParseOutcome): void {
  try {
    const outcome = fn();
    expect(Array.isArray(outcome.items)).toBe(true);
    for (const item of outcome.items) if (!item.ok) expect(item.reason.length).toBeGreaterThan(0);
  } catch (error) {
    if (!(error instanceof ParseRejection)) throw error;
  }
}

describe('parsers under random and mutated input', () => {
  it.each(parsers)('%s returns an outcome or throws ParseRejection', (_name, parse) => {
    fc.assert(fc.property(anyInput, (input) => outcomeOrRejection(() => parse(input))), { numRuns: Number(process.env.FUZZ_RUNS ?? 300) });
  });

  it('parseDocument never throws and always answers each item', () => {
    const contentTypes = fc.constantFrom(undefined, 'application/xml', 'application/json', 'text/plain', 'application/rss+xml', 'application/nitf+xml', 'application/ninjs+json', 'image/png', 'application/x-iptc-7901', 'application/x-anpa-1312', 'application/vnd.iptc.newsml+xml');
    fc.assert(
      fc.property(anyInput, contentTypes, (body, contentType) => {
        const outcome = parseDocument({ body, contentType });
        expect(outcome.items.length).toBeGreaterThan(0);
        for (const item of outcome.items) {
          if (item.ok) expect(item.article.headline.length).toBeGreaterThan(0);
          else expect(item.reason).not.toMatch(/^parser failure/);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) * 2 },
    );
  });
});
