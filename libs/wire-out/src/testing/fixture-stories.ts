import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { type CanonicalArticle, storyKeyOf } from '@newswire/contracts';
import { enrich } from '@newswire/enrichment';
import { newArticleId, type ParseOutcome, ParseRejection, parseSubmission, toCanonical } from '@newswire/wire-formats';
import type { ExportStory } from '../lib/story';

/** The wire-format fixtures; the reference sample there is byte-identical to ../shared/fixtures/plaintext/daily-impact-european-2024-11-24.txt. */
export const FIXTURES = join(__dirname, '../../../wire-formats/src/fixtures');
export const REFERENCE_SAMPLE = join(FIXTURES, 'daily-impact-european-2024-11-24.txt');

export function fixtureFiles(dir = FIXTURES): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? fixtureFiles(path) : [path];
    })
    .filter((path) => !path.endsWith('.md'))
    .sort();
}

export const fixtureName = (path: string) => relative(FIXTURES, path);

/** Canonical articles of an outcome: what the ingester would publish (items it refuses are left out). */
export function canonicalOf(outcome: ParseOutcome): CanonicalArticle[] {
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
export function storiesOf(path: string): ExportStory[] {
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
