import { type CanonicalArticle, storyKeyOf } from '@newswire/contracts';
import { enrich } from '@newswire/enrichment';
import { newArticleId, parseNewsMlG2, parseNinjs, parseSubmission, ParseRejection, toCanonical } from '@newswire/wire-formats';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { ninjsValidator } from '../testing/ninjs-validator';
import { toNewsmlG2 } from './newsml-g2';
import { toNinjs } from './ninjs';

// Text that reaches the serializers' edge cases: XML specials, CDATA ends, entities, controls, lone
// surrogates, noncharacters, line separators, markup, and arbitrary graphemes.
const pieces = ['The', 'constructor', 'said', 'Paris', 'Ministry', 'of', '&', '<', '>', '"', "'", ']]>', '<![CDATA[', '&amp;', '&#0;', '\u0000', '\u0008', '\u000b', '\ufffe', '\uffff', '\ud800', '\udc00', '😀', '\u2028', '\r\n', '\n', '\n\n', '\t', '  ', '__proto__', 'Σ', 'e\u0301', '\u200b', '\ufeff', '(AFP)', '<p>', '</p>', '<b>x</b>'];
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 }).map((w) => w.join(' '));
const submission = fc.record(
  {
    uri: fc.oneof(fc.constantFrom('urn:x:1', 'http://example.com/a?b=1&c=<2>'), text),
    provider: fc.oneof(fc.constantFrom('AFP', 'Reuters'), text),
    headline: text,
    bodyText: text,
    language: fc.constantFrom('en', 'fr', 'de', 'es', 'xx'),
    byline: text,
    version: fc.nat(1000),
    versionCreated: fc.constantFrom('2024-05-20T10:00:00Z', '2024-05-20T10:00:00.123+02:00', '1999-12-31T23:59:59Z'),
  },
  { requiredKeys: ['uri', 'headline', 'bodyText'] },
);
const RECEIVED = new Date('2024-11-25T00:00:00Z');

function accepted(value: unknown): CanonicalArticle[] {
  const outcome = parseSubmission({ body: Buffer.from(JSON.stringify(value)), contentType: 'application/json' });
  return outcome.items.flatMap((item) => {
    if (!item.ok) return [];
    try {
      return [toCanonical(item.article, { id: newArticleId(), format: outcome.format, receivedAt: RECEIVED })];
    } catch (error) {
      if (error instanceof ParseRejection) return [];
      throw error;
    }
  });
}

function readBack(outcome: ReturnType<typeof parseNinjs>, format: 'ninjs' | 'newsml-g2'): CanonicalArticle {
  const [item] = outcome.items;
  if (!item?.ok) throw new Error(`${format} not read back: ${JSON.stringify(item)}`);
  return toCanonical(item.article, { id: 'back', format, receivedAt: RECEIVED });
}

// Paragraphs as a reader sees them: runs of white space inside one are one space (XHTML collapses them).
const paragraphs = (t: string) => t.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
const folded = (t: string) => t.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();

describe('any story the ingester accepts goes out and comes back', () => {
  it('as valid ninjs 2.1 and well-formed NewsML-G2, with its headline, body, version and time', () => {
    const validate = ninjsValidator();
    let checked = 0;
    fc.assert(
      fc.property(submission, (value) => {
        for (const article of accepted(value)) {
          checked++;
          const story = { article, enrichment: enrich(article, RECEIVED), dedup: { clusterId: article.id, storyKey: storyKeyOf(article), status: 'original' as const } };
          const ninjs = toNinjs(story);
          expect(validate(ninjs)).toBe(true);
          const xml = toNewsmlG2(story);
          expect(XMLValidator.validate(xml)).toBe(true);
          const ms = (t: string | undefined) => (t === undefined ? undefined : Date.parse(t));
          const backs = [
            // G2 requires versionCreated: a story without one is timed by its arrival, as the version order does.
            { back: readBack(parseNinjs(JSON.stringify(ninjs)), 'ninjs'), time: ms(article.versionCreated) },
            { back: readBack(parseNewsMlG2(xml), 'newsml-g2'), time: ms(article.versionCreated ?? article.firstCreated ?? article.source.receivedAt) },
          ];
          for (const { back, time } of backs) {
            expect(paragraphs(back.headline)).toEqual(paragraphs(article.headline));
            // A first paragraph that repeats the headline above more text is the agency header block's, and is left out.
            const body = paragraphs(article.bodyText);
            const expected = body.length > 1 && folded(body[0]) === folded(article.headline) ? body.slice(1) : body;
            expect(paragraphs(back.bodyText)).toEqual(expected);
            expect(back.version).toBe(article.version);
            expect(ms(back.versionCreated)).toBe(time);
          }
        }
      }),
      { numRuns: 150, seed: 20261203 },
    );
    // Most arbitrary submissions are refused (no headline left once sanitised...): enough must get through to mean something.
    expect(checked).toBeGreaterThan(40);
  });
});
