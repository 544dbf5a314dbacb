import type { ExportStory } from '@newswire/wire-out';
import type { ArticleDoc } from './article.model';

/**
 * A stored story as the standard formats' serializers take it (ninjs,
 * NewsML-G2): the current version's own fields win over the article's copy
 * (a kill keeps the killed headline and status); without `showBody` (killed,
 * or withheld from this reader) it carries no body nor description. Shared by
 * the API's `?format=` answers and storage's ninjs topic.
 */
export function exportStoryOf(doc: ArticleDoc, showBody: boolean): ExportStory {
  return {
    article: {
      ...doc.article,
      uri: doc.uri,
      version: doc.version,
      pubStatus: doc.pubStatus,
      headline: doc.headline,
      description: showBody ? doc.article.description : undefined,
      bodyText: showBody ? doc.bodyText : undefined,
      bodyHtml: showBody ? doc.bodyHtml : undefined,
    },
    enrichment: doc.enrichment,
    dedup: { clusterId: doc.clusterId, storyKey: doc._id, status: doc.dedup.status, duplicateOf: doc.dedup.duplicateOf },
  };
}
