import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleEnriched, CanonicalArticle } from '@newswire/contracts';
import { enrichedArticle, receivedArticle, storyText } from './articles';

/** The hand-written stories of the dedup eval set, reused so tests run on realistic wire copy. */
export interface EvalStory { id: string; headline: string; alt: string; paragraphs: string[] }
export const STORIES: EvalStory[] = JSON.parse(readFileSync(join(__dirname, '../../../dedup/eval/stories.json'), 'utf8'));

/** An enriched article from a hand-written eval story, with the fields a test varies. */
export function storyArticle(paragraphs: string[], headline: string, fields: Partial<CanonicalArticle> = {}): ArticleEnriched {
  const base = receivedArticle(storyText(headline, paragraphs.join('\n\n')));
  return enrichedArticle({ ...base, ...fields });
}
