import type { ExportStory } from '../lib/story';

/** A stored story with every field the serializers map, for unit tests. */
export function sampleStory(overrides: Partial<ExportStory['article']> = {}): ExportStory {
  return {
    article: {
      id: 'art-1',
      uri: 'urn:agency:story:42',
      version: 3,
      firstCreated: '2024-11-24T08:00:00.000Z',
      versionCreated: '2024-11-24T09:30:00.000Z',
      pubStatus: 'usable',
      embargoed: '2024-11-25T10:00:00.000Z',
      embargoNote: 'Sperrfrist: 25. November, 10.00 Uhr MEZ',
      urgency: 3,
      signals: ['correction'],
      language: 'en',
      headline: 'Putin meets Diaz-Canel in Moscow',
      subheadline: 'Cuba seeks support',
      byline: 'Jane Doe',
      dateline: 'MOSCOW, Nov 24',
      description: 'Leaders met.',
      bodyHtml: '<p>Vladimir Putin met Miguel Diaz-Canel in Moscow.</p><p>They talked.</p>',
      bodyText: 'Vladimir Putin met Miguel Diaz-Canel in Moscow.\n\nThey talked.',
      subjects: [{ scheme: 'medtop', code: '11000000', name: 'politics' }, { code: 'Cuba' }],
      keywords: ['cuba', 'russia'],
      people: [{ name: 'Vladimir Putin', uri: 'http://www.wikidata.org/entity/Q7747' }],
      organisations: [],
      places: [],
      publisher: 'Example Wire',
      provider: 'Example',
      links: [{ href: 'https://example.com/story', rel: 'alternate' }],
      renditions: [],
      source: { format: 'newsml-g2', channel: 'http', receivedAt: '2024-11-24T09:31:00.000Z' },
      ...overrides,
    },
    enrichment: {
      language: 'en',
      languageConfidence: 1,
      languageSupported: true,
      wordCount: 10,
      readingTimeSeconds: 3,
      people: [
        { name: 'Vladimir Putin', mentions: 2, surfaceForms: [] },
        { name: 'Miguel Diaz-Canel', mentions: 1, surfaceForms: [] },
      ],
      organisations: [{ name: 'Kremlin', mentions: 1, surfaceForms: [], kind: 'seat of power' }],
      places: [
        { name: 'Moscow', mentions: 1, surfaceForms: [], countryCode: 'RU', geonameId: 524901, kind: 'city' },
        { name: 'Cuba', mentions: 1, surfaceForms: [], countryCode: 'CU', kind: 'country' },
      ],
      provenance: [{ annotation: 'subjects', extractor: 'medtop-nb', version: '2' }],
      enrichedAt: '2024-11-24T09:31:01.000Z',
      subjects: [{ code: 'medtop:11000000', name: 'politics', score: 0.91, terms: [] }, { code: 'medtop:04000000', name: 'economy', score: 0.4, terms: [] }],
      located: { name: 'Moscow', countryCode: 'RU', geonameId: 524901, from: 'dateline' },
    },
    dedup: { clusterId: 'cluster-1', storyKey: 'example|urn:agency:story:42', status: 'new-version', duplicateOf: 'art-0' },
  };
}
