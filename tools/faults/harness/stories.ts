/**
 * Distinct 3-5 KB stories made of real wire copy: sentences from the
 * project's evaluation sets and fixtures, and from the shared wire fixtures
 * when present, drawn at random per story. Two stories share a sentence or
 * two at most, far below the deduplicator's near-copy thresholds, so every
 * story is its own story and must be stored on its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSubmission } from '@newswire/wire-formats';
import { readCorpus } from '../../shared/corpus';
import { random } from '../../shared/random';

const ROOT = join(__dirname, '../../..');
export const PROVIDER = 'Fault Wire';

export interface Story {
  uri: string;
  /** The JSON body posted to the ingester (the platform's canonical article). */
  body: string;
}

function textsOfEvalSets(): string[] {
  const entities = readFileSync(join(ROOT, 'libs/enrichment/eval/entities.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { bodyText: string }).bodyText);
  const stories = (JSON.parse(readFileSync(join(ROOT, 'libs/dedup/eval/stories.json'), 'utf8')) as { paragraphs: string[] }[]).flatMap(
    (s) => s.paragraphs,
  );
  return [...entities, ...stories];
}

/** The body text of every story the project's parsers read from a fixtures folder. */
function textsOfFixtures(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readCorpus(folder)
    .filter((f) => f.group !== 'malicious')
    .flatMap((f) => {
      const ext = f.name.split('.').pop() ?? '';
      const contentType = { json: 'application/ninjs+json', txt: 'text/plain' }[ext] ?? 'application/xml';
      try {
        return parseSubmission({ body: f.body, contentType, filename: f.name }).items.flatMap((i) => (i.ok && i.article.bodyText ? [i.article.bodyText] : []));
      } catch {
        return [];
      }
    });
}

function sentencesOf(texts: string[]): string[] {
  const all = texts.flatMap((t) => t.replace(/\s+/g, ' ').split(/(?<=[.!?]["”»]?)\s+(?=[A-Z"“«])/));
  return [...new Set(all.map((s) => s.trim()).filter((s) => s.length >= 40 && s.length <= 400))];
}

export { random };

let pool: string[] | undefined;
export function sentencePool(): string[] {
  const shared = process.env['FIXTURES'] ?? join(ROOT, '../shared/fixtures');
  pool ??= sentencesOf([
    ...textsOfEvalSets(),
    ...textsOfFixtures(join(ROOT, 'libs/wire-formats/src/fixtures')),
    ...textsOfFixtures(existsSync(shared) ? shared : '/work/shared/fixtures'),
  ]);
  return pool;
}

export interface StorySize {
  minBytes: number;
  maxBytes: number;
}
/** Ordinary wire stories. */
export const DEFAULT_STORY_SIZE: StorySize = { minBytes: 3000, maxBytes: 5000 };

/** `count` stories with uris `urn:faults:<namespace>:<n>`, each with a body of 3-5 KB (or `size`). */
export function makeStories(namespace: string, count: number, size = DEFAULT_STORY_SIZE, seed = 1): Story[] {
  const sentences = sentencePool();
  const next = random(seed);
  const pick = () => sentences[Math.floor(next() * sentences.length)];
  return Array.from({ length: count }, (_, n) => {
    const target = size.minBytes + Math.floor(next() * (size.maxBytes - size.minBytes));
    const paragraphs: string[] = [];
    let written = 0;
    const used = new Set<string>();
    while (written < target) {
      const paragraph: string[] = [];
      for (let i = 0; i < 3; i++) {
        const s = pick();
        if (used.has(s)) continue;
        used.add(s);
        paragraph.push(s);
        written += s.length + 1;
      }
      paragraphs.push(paragraph.join(' '));
    }
    const uri = `urn:faults:${namespace}:${n}`;
    const lead = pick().split(' ').slice(0, 9).join(' ').replace(/[,;:.]+$/, '');
    const headline = `${lead} (${n})`;
    return { uri, body: JSON.stringify({ uri, provider: PROVIDER, headline, bodyText: paragraphs.join('\n\n') }) };
  });
}
