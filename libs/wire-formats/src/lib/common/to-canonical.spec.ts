import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CanonicalArticle } from '@newswire/contracts';
import fc from 'fast-check';
import { InvalidJsonError, parseSubmission } from '../intake/submission';
import { unsafeFields } from '../../testing/unsafe-fields';
import { newArticleId } from './ids';
import { toCanonical } from './to-canonical';
import { type ParseOutcome, ParseRejection } from './types';

const fixtures = join(__dirname, '../../fixtures');
const hostile = (name: string) => readFileSync(join(fixtures, 'hostile', name));

function canonical(outcome: ParseOutcome, raw?: string): CanonicalArticle[] {
  return outcome.items.flatMap((item) => {
    if (!item.ok) return [];
    try {
      return [toCanonical(item.article, { id: newArticleId(), format: outcome.format, contentType: 'test/x', receivedAt: new Date(), raw })];
    } catch (error) {
      if (error instanceof ParseRejection) return [];
      throw error;
    }
  });
}

const only = (body: Buffer | string, contentType: string): CanonicalArticle => {
  const [article] = canonical(parseSubmission({ body, contentType }));
  if (!article) throw new Error('no article');
  return article;
};

describe('toCanonical sanitises what every format carries', () => {
  it.each([
    ['canonical.json', 'application/json', 'Markets rally'],
    ['ninjs.json', 'application/ninjs+json', 'Floods hit Porto'],
    ['nitf.xml', 'application/nitf+xml', 'Floods hit Porto'],
    ['newsml-g2.xml', 'application/vnd.iptc.g2.newsitem+xml', 'Floods hit Porto'],
    ['rss.xml', 'application/rss+xml', 'Markets rally'],
    ['atom.xml', 'application/atom+xml', 'Markets rally'],
    ['plain.txt', 'text/plain', 'Markets rally'],
    ['newsml-1.xml', 'application/xml', 'Floods hit Porto'],
    ['iptc-7901.txt', 'text/plain', 'Markets rally'],
    ['anpa-1312.tst', 'text/plain', 'Markets rally'],
    ['dpa-digitalwires.json', 'application/json', 'Floods hit Porto'],
  ])('hostile/%s: no markup in text, no script URL, no handler, no control character', (name, contentType, headline) => {
    const article = only(hostile(name), contentType);
    expect(unsafeFields(article)).toEqual([]);
    expect(article.headline).toBe(headline);
    expect(article.bodyText.length).toBeGreaterThan(10);
  });

  it('canonical JSON: every text field is plain text, every link http(s), the uri an identifier without controls', () => {
    const article = only(hostile('canonical.json'), 'application/json');
    expect(article).toMatchObject({
      uri: 'urn:hostile:canonical:1',
      headline: 'Markets rally',
      subheadline: 'Stocks up',
      byline: 'Jane Doe',
      dateline: 'NEW YORK',
      located: 'New York',
      description: 'Stocks rose.',
      language: 'en',
      bodyText: 'Stocks rose on Monday.\n\nBonds fell.',
      keywords: ['markets', 'stocks'],
      subjects: [{ scheme: 'medtop', code: '04000000', name: 'economy' }],
      people: [{ name: 'Jerome Powell' }],
      organisations: [{ name: 'Federal Reserve', uri: 'https://www.federalreserve.gov/' }],
      places: [{ name: 'New York' }],
      publisher: 'Example Wire',
      provider: 'Example',
      links: [{ href: 'https://example.com/markets', rel: 'alternate', title: 'good' }],
      renditions: [{ href: 'https://img.example.com/a.jpg', title: 'picture' }],
    });
    expect(article.people[0].uri).toBeUndefined();
    expect(article.bodyHtml).toContain('<p>Stocks rose <a rel="noopener noreferrer nofollow">on Monday</a>.</p>');
    expect(article.bodyHtml).not.toMatch(/script|javascript|onclick|onerror|style/i);
  });

  it('keeps no key the sender named and pollutes no prototype', () => {
    const article = only(hostile('canonical.json'), 'application/json') as unknown as Record<string, unknown>;
    for (const key of ['$where', 'a.b', 'constructor']) expect(Object.keys(article)).not.toContain(key);
    expect(Object.getPrototypeOf(article)).toBe(Object.prototype);
    expect(JSON.stringify(article.subjects)).not.toContain('$gt');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('removes a NUL from the uri, so the uri returned is the one stored', () => {
    const article = only(JSON.stringify({ uri: 'urn:agency:\u0000story\u001f:42\u007f', headline: 'A\u0000B', bodyText: 'x\u0000y' }), 'application/json');
    expect(article.uri).toBe('urn:agency:story:42');
    expect(article.headline).toBe('AB');
    expect(article.bodyText).toBe('xy');
  });

  it('removes markup that only appears once entities are decoded', () => {
    const article = only(
      JSON.stringify({ headline: '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;Markets &amp;amp; bonds', bodyText: 'AT&amp;T <b>up</b>, 3 < 4' }),
      'application/json',
    );
    expect(article.headline).not.toMatch(/<[a-z!?/]/i);
    expect(article.headline).toContain('Markets &');
    expect(article.bodyText).toBe('AT&T up, 3 < 4');
  });

  it('refuses an article whose headline is only markup as missing a headline', () => {
    const outcome = parseSubmission({ body: JSON.stringify({ headline: '<script>alert(1)</script>', bodyText: 'Body' }), contentType: 'application/json' });
    const item = outcome.items[0];
    if (!item.ok) throw new Error('the submission itself is well-formed');
    expect(() => toCanonical(item.article, { id: newArticleId(), format: 'json', receivedAt: new Date() })).toThrow(
      expect.objectContaining({ code: 'missing-headline' }),
    );
  });

  it('keeps http, https and mailto links and drops every other scheme and relative URLs', () => {
    const hrefs = ['https://a.example/x', 'http://b.example/', 'mailto:desk@example.com', 'javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' \tjavascript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'ftp://c.example/', '/relative', '//protocol.relative/x', 'file:///etc/passwd'];
    const article = only(JSON.stringify({ headline: 'Links', bodyText: 'Body', links: hrefs.map((href) => ({ href })) }), 'application/json');
    expect(article.links.map((l) => l.href)).toEqual(['https://a.example/x', 'http://b.example/', 'mailto:desk@example.com']);
  });
});

// Strings built from the characters that cause trouble: controls, markup, entities, surrogate halves.
const troublesome = fc.string({
  unit: fc.constantFrom('\u0000', '\u0001', '\u0007', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f', '\n', '\r', '\t', ' ', '<', '>', '&', '#', ';', '"', 'a', 'Z', '1', 'script', 'b', 'img', 'onerror=', '&#0;', '&#1;', '&#x1f;', '&lt;', '&amp;', '\ud800', '\udc00', 'é', 'javascript:', 'https://x.example/'),
  maxLength: 40,
});
const anyString = fc.oneof(troublesome, fc.string({ unit: 'binary', maxLength: 40 }));
const entity = fc.record({ name: anyString, uri: fc.option(anyString, { nil: undefined }), rel: fc.option(anyString, { nil: undefined }) });
const submission = fc.record(
  {
    uri: anyString,
    headline: anyString,
    subheadline: anyString,
    byline: anyString,
    dateline: anyString,
    located: anyString,
    description: anyString,
    language: anyString,
    publisher: anyString,
    provider: anyString,
    bodyText: anyString,
    bodyHtml: anyString,
    keywords: fc.array(anyString, { maxLength: 3 }),
    subjects: fc.array(fc.record({ scheme: anyString, code: anyString, name: anyString }), { maxLength: 2 }),
    people: fc.array(entity, { maxLength: 2 }),
    organisations: fc.array(entity, { maxLength: 2 }),
    places: fc.array(entity, { maxLength: 2 }),
    links: fc.array(fc.record({ href: anyString, rel: anyString, type: anyString, title: anyString }), { maxLength: 2 }),
    renditions: fc.array(fc.record({ href: anyString, contentType: anyString, title: anyString }), { maxLength: 2 }),
  },
  { requiredKeys: ['headline', 'bodyText'] },
);

const controlProblems = (article: CanonicalArticle) => unsafeFields(article).filter((p) => /control character|lone surrogate/.test(p));

/** Every fixture, with control characters (NUL first of all) inserted as bytes at random places. */
const files: [string, Buffer][] = [];
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (!full.includes('malicious')) files.push([full, readFileSync(full)]);
  }
};
walk(fixtures);
const TYPES: Record<string, string> = { json: 'application/json', xml: 'application/xml', rss: 'application/rss+xml', atom: 'application/atom+xml', txt: 'text/plain', tst: 'text/plain' };
const withControls = fc
  .record({
    file: fc.constantFrom(...files),
    inserts: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0x00, 0x01, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f)), { minLength: 1, maxLength: 12 }),
  })
  .map(({ file: [path, bytes], inserts }) => {
    let out = Buffer.from(bytes);
    for (const [at, byte] of inserts) {
      const i = Math.floor(at * out.length);
      out = Buffer.concat([out.subarray(0, i), Buffer.from([byte]), out.subarray(i)]);
    }
    return { body: out, contentType: TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/xml' };
  });

describe('the canonical article of any input', () => {
  it('has no C0 control but \\n and \\t in text fields and none at all in identifiers (canonical JSON)', () => {
    fc.assert(
      fc.property(submission, (value) => {
        for (const article of canonical(parseSubmission({ body: JSON.stringify(value), contentType: 'application/json' }), JSON.stringify(value))) {
          expect(controlProblems(article)).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('has no control character out of place whatever the format, with NULs and controls anywhere in the bytes', () => {
    fc.assert(
      fc.property(withControls, ({ body, contentType }) => {
        let outcome: ParseOutcome;
        try {
          outcome = parseSubmission({ body, contentType });
        } catch (error) {
          if (error instanceof InvalidJsonError) return; // a raw control character inside a JSON string is invalid JSON
          throw error;
        }
        for (const article of canonical(outcome, body.toString('utf8'))) expect(controlProblems(article)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
