import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDraft, ItemOutcome } from '../common/types';
import { parseAtom } from './atom-parser';
import { parseRss } from './rss-parser';

const fixture = (path: string) => readFileSync(join(__dirname, '../../fixtures', path));
const article = (item: ItemOutcome): ArticleDraft => {
  if (!item.ok) throw new Error(`rejected: ${item.reason}`);
  return item.article;
};

describe('parseRss (2.0)', () => {
  const outcome = parseRss(fixture('rss/feed.rss'));

  it('yields one outcome per item', () => {
    expect(outcome.format).toBe('rss');
    expect(outcome.items).toHaveLength(2);
  });

  it('reads guid, content:encoded, dc:*, media:* and a Portuguese RFC 822 date', () => {
    const a = article(outcome.items[0]);
    expect(a).toMatchObject({
      uri: 'urn:example:bridge-1',
      headline: 'Bridge opens & traffic flows',
      description: 'The new bridge opened.',
      bodyText: 'The new bridge opened on Friday.\n\nTraffic flows.',
      firstCreated: '2018-09-24T22:18:49.000Z',
      byline: 'Sam Reed',
      language: 'en-gb',
      publisher: 'Example News',
      subjects: [{ name: 'Transport' }],
      keywords: ['infrastructure'],
      links: [{ href: 'https://news.example.com/bridge', rel: 'alternate' }],
    });
    expect(a.bodyHtml).not.toMatch(/script|style|javascript/);
    expect(a.renditions).toEqual([
      { href: 'https://img.example.com/bridge.jpg', contentType: 'image/jpeg', width: 640, height: 480 },
      { href: 'https://img.example.com/bridge-t.jpg', width: 120, height: 90, title: 'thumbnail' },
    ]);
  });

  it('reads the text of an inline XHTML body, and a dc:description when there is no description', () => {
    const xhtml = '<rss version="2.0"><channel><item><title>Harbour reopens</title><body xmlns="http://www.w3.org/1999/xhtml"><p>The harbour reopened.</p><p>Ferries run again.</p></body></item></channel></rss>';
    expect(article(parseRss(xhtml).items[0])).toMatchObject({ headline: 'Harbour reopens', bodyText: 'The harbour reopened.\n\nFerries run again.' });
    const dc = '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><title>Harbour reopens</title><dc:description>The harbour reopened on Tuesday.</dc:description></item></channel></rss>';
    expect(article(parseRss(dc).items[0])).toMatchObject({ bodyText: 'The harbour reopened on Tuesday.' });
  });

  it('derives a headline from the description and dates from the channel when the item has none', () => {
    const a = article(outcome.items[1]);
    expect(a.headline).toBe('Only a description here, no title at all.');
    expect(a.uri).toBe('https://news.example.com/untitled');
    expect(a.firstCreated).toBe('2024-03-02T08:00:00.000Z');
  });
});

describe('parseRss (1.0, RDF)', () => {
  it('reads items that are siblings of the channel', () => {
    const a = article(parseRss(fixture('rss/rdf.rss')).items[0]);
    expect(a).toMatchObject({ uri: 'https://example.org/a1', headline: 'RDF item one', bodyText: 'First RDF description.', byline: 'Kim Lee', firstCreated: '2024-05-06T05:08:09.000Z', publisher: 'RDF Site' });
  });
});

describe('parseAtom', () => {
  const outcome = parseAtom(fixture('atom/feed.atom'));

  it('reads entries with xhtml content, authors, categories and enclosures', () => {
    expect(outcome.format).toBe('atom');
    const a = article(outcome.items[0]);
    expect(a).toMatchObject({
      uri: 'urn:entry:1',
      headline: 'Wahl & Ergebnis',
      bodyText: 'Die Wahl ist vorbei.\n\nDas Ergebnis steht fest.',
      description: 'Kurze Zusammenfassung.',
      firstCreated: '2024-06-09T16:00:00.000Z',
      versionCreated: '2024-06-09T17:30:00.000Z',
      byline: 'Eva Braun',
      language: 'de',
      publisher: 'Beispiel Nachrichten',
      subjects: [{ scheme: 'https://example.de/cats', code: 'politik', name: 'Politik' }],
      links: [{ href: 'https://example.de/wahl', rel: 'alternate' }],
    });
    expect(a.bodyHtml).not.toContain('onclick');
    expect(a.renditions).toEqual([
      { href: 'https://example.de/t.jpg', width: 100, height: 60, title: 'thumbnail' },
      { href: 'https://example.de/wahl.mp3', contentType: 'audio/mpeg' },
    ]);
  });

  it('reads escaped HTML content and compact dates; rejects an empty entry', () => {
    const a = article(outcome.items[1]);
    expect(a).toMatchObject({ headline: 'Nur Text', bodyText: 'HTML escaped content', versionCreated: '2024-06-10T12:00:00.000Z' });
    expect(a.bodyHtml).not.toContain('iframe');
    expect(outcome.items[2]).toMatchObject({ ok: false, index: 2, code: 'missing-headline' });
  });
});
