import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { type CanonicalArticle, storyKeyOf } from '@newswire/contracts';
import { enrich } from '@newswire/enrichment';
import { htmlToText, newArticleId, type ParseOutcome, ParseRejection, parseNewsMlG2, parseNinjs, parseSubmission, toCanonical } from '@newswire/wire-formats';
import { XMLValidator } from 'fast-xml-parser';
import { conceptsOf } from './concepts';
import { toNewsmlG2 } from './newsml-g2';
import { toNinjs } from './ninjs';
import type { ExportStory } from './story';
import { ninjsValidator } from '../testing/ninjs-validator';

/** The wire-format fixtures; the reference sample there is byte-identical to ../shared/fixtures/plaintext/daily-impact-european-2024-11-24.txt. */
const FIXTURES = join(__dirname, '../../../wire-formats/src/fixtures');
const REFERENCE_SAMPLE = join(FIXTURES, 'daily-impact-european-2024-11-24.txt');

function fixtureFiles(dir = FIXTURES): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? fixtureFiles(path) : [path];
    })
    .filter((path) => !path.endsWith('.md'))
    .sort();
}

const fixtureName = (path: string) => relative(FIXTURES, path);

/** Canonical articles of an outcome: what the ingester would publish (items it refuses are left out). */
function canonicalOf(outcome: ParseOutcome): CanonicalArticle[] {
  return outcome.items.flatMap((item) => {
    if (!item.ok) return [];
    try {
      return [toCanonical(item.article, { id: newArticleId(), format: outcome.format, receivedAt: new Date('2024-11-25T00:00:00Z') })];
    } catch (error) {
      if (error instanceof ParseRejection) return [];
      throw error;
    }
  });
}

/** What the ingester reads from a file, as the API would hold it: enriched, with a verdict. */
function storiesOf(path: string): ExportStory[] {
  let outcome: ParseOutcome;
  try {
    outcome = parseSubmission({ body: readFileSync(path), filename: basename(path), contentType: path.endsWith('.json') ? 'application/json' : undefined });
  } catch {
    return []; // refused whole (malicious, not a story): nothing to serve
  }
  return canonicalOf(outcome).map((article) => ({
    article,
    enrichment: enrich(article, new Date('2024-11-25T00:00:00Z')),
    dedup: { clusterId: article.id, storyKey: storyKeyOf(article), status: 'original' },
  }));
}

const validate = ninjsValidator();
const files = fixtureFiles();
const stories = new Map(files.map((f) => [fixtureName(f), storiesOf(f)]));
const readable = [...stories].filter(([, s]) => s.length > 0);

/** What must survive a trip out and back in: the story's text, times, version, and who and what it names. */
function essentials(story: ExportStory) {
  const { article } = story;
  return {
    headline: article.headline,
    bodyText: article.bodyText,
    firstCreated: article.firstCreated,
    versionCreated: article.versionCreated,
    embargoed: article.embargoed,
    version: article.version,
    pubStatus: article.pubStatus,
  };
}

const names = (list: { name: string }[]) => list.map((e) => e.name).sort();

describe('ninjs out: IPTC ninjs 2.1 schema', () => {
  it('reads enough fixtures to mean something, the reference sample among them', () => {
    expect(readable.length).toBeGreaterThanOrEqual(30);
    expect(stories.get(fixtureName(REFERENCE_SAMPLE))).toHaveLength(1);
  });

  it.each(readable)('%s: every story is valid ninjs 2.1', (_name, list) => {
    for (const story of list) {
      const item = toNinjs(story);
      const ok = validate(item);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });
});

describe('round trip: parse -> canonical -> ninjs -> parse', () => {
  it.each(readable)('%s', (_name, list) => {
    for (const story of list) {
      const [back] = canonicalOf(parseNinjs(JSON.stringify(toNinjs(story))));
      expect(back).toBeDefined();
      expect(essentials({ article: back })).toEqual(essentials(story));
      // Entities: the source's and enrichment's, merged by name, come back as the source's own, with their URIs.
      const out = conceptsOf(story);
      expect(names(back.people)).toEqual(names(out.people));
      expect(names(back.organisations)).toEqual(names(out.organisations));
      expect(names(back.places)).toEqual(names(out.places));
      expect(back.places.filter((p) => p.uri).map((p) => [p.name, p.uri])).toEqual(out.places.filter((p) => p.uri).map((p) => [p.name, p.uri]));
      // Subjects by identity: a qcode (scheme:code), else the source's own code, else the name alone.
      expect(back.subjects.map((s) => (s.scheme ? `${s.scheme}:${s.code}` : (s.code ?? `name:${s.name}`))).sort()).toEqual(
        out.subjects.map((s) => s.qcode ?? s.literal ?? `name:${s.name}`).sort(),
      );
    }
  });
});

/** The one fixture whose sender gave a text and an HTML body that say different things: G2 carries the HTML. */
const HTML_AND_TEXT_DIFFER = new Set(['hostile/canonical.json']);

describe('round trip: parse -> canonical -> NewsML-G2 -> parse', () => {
  it.each(readable)('%s', (name, list) => {
    for (const story of list) {
      const xml = toNewsmlG2(story);
      expect(XMLValidator.validate(xml)).toBe(true);
      const [back] = canonicalOf(parseNewsMlG2(xml));
      expect(back).toBeDefined();
      const { article } = story;
      expect(essentials({ article: back })).toEqual({
        ...essentials(story),
        bodyText: HTML_AND_TEXT_DIFFER.has(name) && article.bodyHtml ? htmlToText(article.bodyHtml) : article.bodyText,
        // G2 requires versionCreated: a story that had none is timed by its arrival, as the version order does.
        versionCreated: article.versionCreated ?? article.firstCreated ?? article.source.receivedAt,
      });
      const out = conceptsOf(story);
      expect(names(back.people)).toEqual(names(out.people));
      expect(names(back.organisations)).toEqual(names(out.organisations));
      // The G2 reader counts the <located> place among the places (it always has).
      const located = out.located && !out.places.some((p) => p.name === out.located?.name) ? [out.located] : [];
      expect(names(back.places)).toEqual(names([...out.places, ...located]));
      expect(back.subjects.map((s) => (s.scheme ? `${s.scheme}:${s.code}` : (s.code ?? `name:${s.name}`))).sort()).toEqual(
        // G2 names a concept by qcode, else uri, else literal (which the reader takes as its name).
        out.subjects.map((s) => s.qcode ?? s.uri ?? `name:${s.name ?? s.literal}`).sort(),
      );
    }
  });
});
