import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../dispatch/parse-document';

const feed = readFileSync(join(__dirname, '../../fixtures/json-feed/feed.json'));

describe('JSON Feed', () => {
  it('reads each item as a story: id, title, sanitised content_html, summary, dates, authors, tags, links', () => {
    const outcome = parseDocument({ body: feed, contentType: 'application/feed+json' });
    expect(outcome.format).toBe('json-feed');
    const [story, brief] = outcome.items.map((i) => (i.ok ? i.article : undefined));
    expect(story).toMatchObject({
      uri: 'https://example.com/2024/03/05/harbour-reopens',
      headline: 'Harbour reopens after storm',
      bodyText: "PORT EXAMPLE (Example Press) - The harbour reopened on Tuesday after crews cleared debris left by last week's storm.\n\nFerries to the islands run again.",
      description: 'The harbour reopened on Tuesday.',
      firstCreated: '2024-03-05T08:30:00.000Z',
      versionCreated: '2024-03-05T09:15:00.000Z',
      byline: 'Kim Lee, Jo Park',
      language: 'en',
      publisher: 'Example Press',
      keywords: ['ports', 'weather'],
      links: [{ href: 'https://example.com/2024/03/05/harbour-reopens', rel: 'alternate' }],
    });
    expect(story?.bodyHtml).not.toContain('script');
    // No title: the first sentence stands in; no authors: the feed's.
    expect(brief).toMatchObject({ uri: 'urn:example:brief:2', headline: 'Ferry fares rise by 3 percent from April, the operator said on Tuesday.', byline: 'Example Press Desk', firstCreated: '2024-03-05T11:00:00.000Z' });
  });

  it('is recognised by its version URL as JSON of any media type, and JSON Feed 1.0 authors too', () => {
    for (const contentType of [undefined, 'application/json', 'text/plain']) expect(parseDocument({ body: feed, contentType }).format).toBe('json-feed');
    const v1 = JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'Old Feed', items: [{ id: 'a', title: 'Headline', content_text: 'Body.', author: { name: 'Kim Lee' } }] });
    expect(parseDocument({ body: v1 }).items[0]).toMatchObject({ ok: true, article: { uri: 'a', byline: 'Kim Lee', bodyText: 'Body.' } });
    expect(parseDocument({ body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Empty', items: [] }) }).items[0]).toMatchObject({ ok: false, code: 'empty' });
  });
});
