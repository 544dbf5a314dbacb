import type { CanonicalArticle } from './article.schema';
import { byteBudget, encodedBytes, fitArticle, STAGE_GROWTH_RESERVE_BYTES } from './byte-budget';

const article = (text: string, extra: Partial<CanonicalArticle> = {}): CanonicalArticle => ({
  id: 'a1',
  uri: 'urn:test:1',
  pubStatus: 'usable',
  signals: [],
  headline: 'Headline',
  bodyText: text,
  subjects: [],
  keywords: [],
  people: [],
  organisations: [],
  places: [],
  links: [],
  renditions: [],
  source: { format: 'plaintext', channel: 'http', receivedAt: '2026-12-01T00:00:00.000Z' },
  ...extra,
});

describe('byteBudget', () => {
  it('derives every limit from the one message limit', () => {
    const b = byteBudget(1024 * 1024);
    expect(b.articleBytes).toBe(1024 * 1024 - STAGE_GROWTH_RESERVE_BYTES);
    expect(b.deadLetterBytes).toBeGreaterThan(b.messageBytes);
    expect(b.httpBodyBytes).toBeGreaterThan(b.messageBytes);
  });

  it('refuses a message limit too small to carry an article and its growth', () => {
    expect(() => byteBudget(100_000)).toThrow(RangeError);
  });
});

describe('fitArticle', () => {
  it('keeps an article that fits untouched', () => {
    const a = article('Short body.', { raw: 'Short body.' });
    expect(fitArticle(a, 10_000)).toEqual({ fits: true, article: a, dropped: [], bytes: encodedBytes(a) });
  });

  it('drops the raw copy first, then the HTML rendition, so the body travels once', () => {
    const text = 'word '.repeat(2000);
    const a = article(text, { raw: text, bodyHtml: `<p>${text}</p>` });
    const withoutRaw = fitArticle(a, encodedBytes(a) - text.length);
    expect(withoutRaw).toMatchObject({ fits: true, dropped: ['raw'] });
    const textOnly = fitArticle(a, text.length + 2000);
    expect(textOnly).toMatchObject({ fits: true, dropped: ['raw', 'bodyHtml'] });
    if (textOnly.fits) expect(textOnly.article.bodyText).toBe(text);
  });

  it('says by how much an article whose text alone is too large misses the limit', () => {
    const a = article('x'.repeat(5000));
    const fit = fitArticle(a, 4000);
    expect(fit).toEqual({ fits: false, bytes: encodedBytes(a), limit: 4000 });
  });
});
