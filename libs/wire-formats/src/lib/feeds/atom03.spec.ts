import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDraft, ItemOutcome } from '../common/types';
import { parseDocument } from '../dispatch/parse-document';
import { parseAtom } from './atom-parser';

const fixture = (path: string) => readFileSync(join(__dirname, '../../fixtures', path));
const article = (item: ItemOutcome): ArticleDraft => {
  if (!item.ok) throw new Error(`rejected: ${item.reason}`);
  return item.article;
};

describe('parseAtom on an Atom 0.3 feed (http://purl.org/atom/ns#)', () => {
  const outcome = parseAtom(fixture('atom/atom03.xml'));

  it('finds its entries', () => {
    expect(outcome.format).toBe('atom');
    expect(outcome.items).toHaveLength(3);
  });

  it('reads escaped HTML content, issued and modified, the author and the feed as publisher', () => {
    expect(article(outcome.items[0])).toMatchObject({
      uri: 'tag:news.example.com,2024:floods-porto',
      headline: 'Floods hit Porto',
      bodyText: 'The Douro burst its banks on Friday.\n\nHundreds were evacuated.',
      description: 'The Douro burst its banks.',
      firstCreated: '2024-03-01T07:00:00.000Z',
      versionCreated: '2024-03-01T11:30:00.000Z',
      byline: 'Rui Example',
      publisher: 'Example Press: latest',
      language: 'en',
      links: [{ href: 'https://news.example.com/2024/03/01/floods', rel: 'alternate', type: 'text/html' }],
    });
  });

  it('reads inline XHTML content (mode="xml") and an escaped title; issued wins over created', () => {
    const a = article(outcome.items[1]);
    expect(a.headline).toBe('Markets & bonds rally');
    expect(a.bodyText).toBe('Stocks rose on Monday.\n\nBonds rallied too.');
    expect(a.firstCreated).toBe('2024-03-01T09:05:00.000Z');
    expect(a.versionCreated).toBe('2024-03-01T09:10:00.000Z');
  });

  it('decodes base64 content', () => {
    expect(article(outcome.items[2]).bodyText).toBe('The harbour reopened on Friday.');
  });

  it('is sniffed as Atom from generic XML', () => {
    expect(parseDocument({ body: fixture('atom/atom03.xml'), contentType: 'application/xml' }).items.filter((i) => i.ok)).toHaveLength(3);
  });

  it('refuses base64 content that is not base64, keeping the entry readable from its summary', () => {
    const feed = '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>T</title><summary>S text.</summary><content mode="base64">@@@not base64@@@</content></entry></feed>';
    expect(article(parseAtom(feed).items[0]).bodyText).toBe('S text.');
  });
});
