import { parseSubmission } from '../intake/submission';

/** n small stories in each multi-item format. */
const story = (i: number) => ({ uri: `urn:cap:${i}`, headline: `Story ${i}`, body: `Body of story ${i}.` });
const range = (n: number) => Array.from({ length: n }, (_, i) => story(i));
const DOCUMENTS: [string, string, (n: number) => string][] = [
  ['canonical JSON array', 'application/json', (n) => JSON.stringify(range(n).map((s) => ({ uri: s.uri, headline: s.headline, bodyText: s.body })))],
  ['ninjs array', 'application/ninjs+json', (n) => JSON.stringify(range(n).map((s) => ({ uri: s.uri, headline: s.headline, body_text: s.body })))],
  ['ninjs envelope', 'application/json', (n) => JSON.stringify({ data: { items: range(n).map((s) => ({ uri: s.uri, headlines: [{ value: s.headline }], body_text: s.body })) } })],
  ['RSS', 'application/rss+xml', (n) => `<rss version="2.0"><channel><title>T</title>${range(n).map((s) => `<item><guid>${s.uri}</guid><title>${s.headline}</title><description>${s.body}</description></item>`).join('')}</channel></rss>`],
  ['RSS 1.0', 'application/rdf+xml', (n) => `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel>${range(n).map((s) => `<item rdf:about="${s.uri}"><title>${s.headline}</title><description>${s.body}</description></item>`).join('')}</rdf:RDF>`],
  ['Atom', 'application/atom+xml', (n) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>${range(n).map((s) => `<entry><id>${s.uri}</id><title>${s.headline}</title><content>${s.body}</content></entry>`).join('')}</feed>`],
  ['NewsML-G2 newsMessage', 'application/vnd.iptc.g2.newsmessage+xml', (n) => `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>${range(n).map((s) => `<newsItem guid="${s.uri}" version="1"><contentMeta><headline>${s.headline}</headline><description>${s.body}</description></contentMeta></newsItem>`).join('')}</itemSet></newsMessage>`],
];

describe('one item cap for every multi-item format', () => {
  it.each(DOCUMENTS)('%s: a document with more items than the cap is refused whole, naming the count and the limit', (_name, contentType, build) => {
    const outcome = parseSubmission({ body: build(1001), contentType });
    expect(outcome.items).toEqual([
      expect.objectContaining({ ok: false, index: 0, code: 'too-many-items', details: { count: 1001, limit: 1000 } }),
    ]);
  });

  it.each(DOCUMENTS)('%s: a document with exactly the cap is read item by item', (_name, contentType, build) => {
    const outcome = parseSubmission({ body: build(1000), contentType });
    expect(outcome.items).toHaveLength(1000);
    expect(outcome.items.every((i) => i.ok)).toBe(true);
  });

  it.each(DOCUMENTS)('%s: the cap is a parse option (MAX_ITEMS_PER_DOCUMENT)', (_name, contentType, build) => {
    const outcome = parseSubmission({ body: build(3), contentType }, { limits: { maxItems: 2 } });
    expect(outcome.items).toEqual([expect.objectContaining({ ok: false, code: 'too-many-items', details: { count: 3, limit: 2 } })]);
  });

  it('no longer keeps the first 10,000 ninjs items of a bigger document and drops the rest unreported', () => {
    const outcome = parseSubmission({ body: DOCUMENTS[1][2](10_001), contentType: 'application/ninjs+json' }, { limits: { maxItems: 20_000 } });
    expect(outcome.items).toHaveLength(10_001);
    expect(outcome.items.every((i) => i.ok)).toBe(true);
  });
});
