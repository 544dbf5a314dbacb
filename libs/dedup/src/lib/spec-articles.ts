import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CanonicalArticle } from '@newswire/contracts';

/** The hand-written stories of the evaluation set, for the unit tests (libs/dedup/eval/stories.json). */
export interface EvalStory {
  event: string;
  headline: string;
  alt: string;
  paragraphs: string[];
}
export const EVAL_STORIES: EvalStory[] = JSON.parse(readFileSync(join(__dirname, '../../eval/stories.json'), 'utf8'));

/**
 * Builds canonical articles for the unit tests: each call a new id, uri and provider (`<prefix><n>`),
 * so two articles are unrelated unless the test says otherwise in `fields`.
 */
export function articleMaker(prefix: string, headline: string, now: Date): (paragraphs: string[], fields?: Partial<CanonicalArticle>) => CanonicalArticle {
  let seq = 0;
  return (paragraphs, fields = {}) => {
    seq += 1;
    return {
      id: `${prefix}${seq}`,
      uri: `urn:test:${prefix}${seq}`,
      provider: `Outlet ${seq}`,
      pubStatus: 'usable',
      signals: [],
      headline,
      bodyText: paragraphs.join('\n\n'),
      subjects: [],
      keywords: [],
      people: [],
      organisations: [],
      places: [],
      links: [],
      renditions: [],
      source: { format: 'json', channel: 'http', receivedAt: now.toISOString() },
      ...fields,
    };
  };
}
