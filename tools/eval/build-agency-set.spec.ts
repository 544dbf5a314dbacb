import { type AgencyLabel, agencyFixturesRoot, buildAgencySet, loadAgencySet, readAgencyLabels, sha256 } from './build-agency-set';

// A made-up story, not agency copy: the real texts stay in ../shared/fixtures.
const STORY = 'Rome talks end\n\nROME (ANSA) - Giorgia Meloni met Olaf Scholz in Rome on Monday.\n';
const TEXT = 'Rome talks end\n\nROME (ANSA) - Giorgia Meloni met Olaf Scholz in Rome on Monday.';
const at = (surface: string, from = 0) => TEXT.indexOf(surface, from);

function label(overrides: Partial<AgencyLabel> = {}): AgencyLabel {
  const span = (surface: string, type: AgencyLabel['spans'][number]['type'], from = 0) => ({ start: at(surface, from), end: at(surface, from) + surface.length, type, surface });
  return {
    id: 'plaintext/story.txt#0',
    fixture: 'plaintext/story.txt',
    item: 0,
    language: 'en',
    outlet: 'ANSA',
    licence: 'test',
    sha256: sha256(TEXT),
    split: 'test',
    spans: [span('Rome', 'place'), span('ANSA', 'organisation'), span('Giorgia Meloni', 'person'), span('Rome', 'place', 40)],
    ...overrides,
  };
}

const files = (body: string) => (path: string) => {
  if (path !== 'plaintext/story.txt') throw new Error(`no fixture ${path}`);
  return Buffer.from(body);
};

describe('the agency entity set builder', () => {
  it('rebuilds headline + body as the enricher sees them and keeps the labelled spans', () => {
    const [doc] = buildAgencySet([label()], files(STORY));
    expect(doc.text).toBe(TEXT);
    expect(doc.headline).toBe('Rome talks end');
    expect(doc.mentions.map((m) => `${m.type}:${TEXT.slice(m.start, m.end)}`)).toEqual(['place:Rome', 'organisation:ANSA', 'person:Giorgia Meloni', 'place:Rome']);
    expect(doc.mentions[3].start).toBeGreaterThan(40);
  });

  it('refuses an item whose text no longer has the labelled sha256', () => {
    expect(() => buildAgencySet([label()], files(STORY.replace('Monday', 'Tuesday')))).toThrow(/plaintext\/story\.txt#0: text changed/);
  });

  it('refuses a span whose offsets do not cover its surface', () => {
    const shifted = label();
    shifted.spans[2] = { ...shifted.spans[2], start: shifted.spans[2].start + 1, end: shifted.spans[2].end + 1 };
    expect(() => buildAgencySet([shifted], files(STORY))).toThrow(/person .*"Giorgia Meloni": the text there reads "iorgia Meloni "/);
  });

  it('refuses offsets outside the text, unknown types and items the parser does not give', () => {
    const outside = label({ spans: [{ start: TEXT.length - 2, end: TEXT.length + 5, type: 'place', surface: 'y.' }] });
    expect(() => buildAgencySet([outside], files(STORY))).toThrow(/offsets outside the text/);
    const typed = label({ spans: [{ start: 0, end: 4, type: 'misc' as 'place', surface: 'Rome' }] });
    expect(() => buildAgencySet([typed], files(STORY))).toThrow(/unknown type/);
    expect(() => buildAgencySet([label({ item: 3 })], files(STORY))).toThrow(/the parser gave 1 items, no item 3/);
  });

  it('reports every bad item at once rather than the first', () => {
    const error = (() => {
      try {
        buildAgencySet([label({ id: 'a' }), label({ id: 'b', sha256: '0'.repeat(64) }), label({ id: 'c', sha256: '1'.repeat(64) })], files(STORY));
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(error).toMatch(/\(2 problems\)/);
    expect(error).toMatch(/\bb: text changed/);
    expect(error).toMatch(/\bc: text changed/);
  });
});

describe('the committed agency labels', () => {
  const labels = readAgencyLabels();

  it('hold unique items, sorted non-overlapping spans and both splits for the larger languages', () => {
    expect(new Set(labels.map((l) => l.id)).size).toBe(labels.length);
    for (const l of labels) {
      expect(l.id).toBe(`${l.fixture}#${l.item}`);
      expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
      l.spans.forEach((s, i) => {
        expect(s.end - s.start).toBe(s.surface.length);
        if (i > 0) expect(s.start).toBeGreaterThanOrEqual(l.spans[i - 1].end);
      });
    }
    for (const language of ['en', 'de', 'pt']) {
      const splits = new Set(labels.filter((l) => l.language === language).map((l) => l.split));
      expect([...splits].sort()).toEqual(['dev', 'test']);
    }
  });

  it('match the fixtures on this machine when they are present', () => {
    const docs = loadAgencySet();
    if (agencyFixturesRoot()) expect(docs?.length).toBe(labels.length);
    else expect(docs).toBeUndefined();
  });
});
