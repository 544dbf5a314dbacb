import { type ArticleDoc, type ArticleVersionDoc, type DuplicateDoc, type EmbargoAuditDoc, exportStoryOf, type Visibility } from '@newswire/archive-data';
import type { ExportStory } from '@newswire/wire-out';
import type { ArticleViewT, DuplicateViewT, EmbargoAuditEntryViewT, VersionViewT } from './views.schema';

/** Instants travel as ISO 8601 strings, as the views declare. */
const iso = (d: Date | undefined) => d?.toISOString();
const isoRequired = (d: Date) => d.toISOString();

/**
 * What clients see of a stored story. The body (and anything quoting it:
 * summary, description) is left out of a killed story here, on top of the
 * archive having dropped it, so no path can serve it; and out of a withheld
 * story unless the caller may see withheld stories.
 */
/** The body is served only for a story that is not killed, and, withheld, only to who may see withheld stories. */
const showsBody = (doc: ArticleDoc, visibility: Visibility) => !doc.killed && (doc.listed || visibility.withheld);

export function articleView(doc: ArticleDoc, visibility: Visibility = { withheld: false }): ArticleViewT {
  const { article, enrichment, dedup } = doc;
  const showBody = showsBody(doc, visibility);
  const heldUntil = visibility.embargoed ? iso(doc.heldUntil ?? undefined) : undefined;
  return {
    id: doc.articleId,
    storyKey: doc._id,
    uri: doc.uri,
    version: doc.version,
    pubStatus: doc.pubStatus,
    killed: doc.killed,
    killedAt: iso(doc.killedAt),
    embargoed: article.embargoed,
    heldUntil,
    headline: doc.headline,
    subheadline: article.subheadline,
    byline: article.byline,
    dateline: article.dateline,
    description: showBody ? article.description : undefined,
    bodyText: showBody ? doc.bodyText : undefined,
    bodyHtml: showBody ? doc.bodyHtml : undefined,
    summary: showBody ? enrichment.summary : undefined,
    firstCreated: iso(doc.firstCreated),
    versionCreated: iso(doc.versionCreated),
    storedAt: isoRequired(doc.storedAt),
    updatedAt: isoRequired(doc.updatedAt),
    language: doc.language,
    source: doc.source,
    provider: doc.provider,
    publisher: doc.publisher,
    urgency: article.urgency,
    signals: article.signals,
    people: enrichment.people,
    organisations: enrichment.organisations,
    places: enrichment.places,
    subjects: enrichment.subjects ?? [],
    sourceSubjects: article.subjects,
    keywords: enrichment.keywords ?? [],
    located: enrichment.located,
    wordCount: enrichment.wordCount,
    readingTimeSeconds: enrichment.readingTimeSeconds,
    clusterId: doc.clusterId,
    dedup: { status: dedup.status, method: dedup.method, score: dedup.score, duplicateOf: dedup.duplicateOf, explanation: dedup.explanation },
    links: article.links,
  };
}

/** The story for the standard formats (ninjs, NewsML-G2), under the same rule as the JSON view. */
export function exportStoryFor(doc: ArticleDoc, visibility: Visibility = { withheld: false }): ExportStory {
  return exportStoryOf(doc, showsBody(doc, visibility));
}

export function versionView(v: ArticleVersionDoc): VersionViewT {
  return {
    id: v._id,
    version: v.version,
    versionCreated: iso(v.versionCreated),
    pubStatus: v.pubStatus,
    signals: v.signals ?? [],
    headline: v.headline,
    dedupStatus: v.dedupStatus,
    outcome: v.outcome,
    receivedAt: isoRequired(v.receivedAt),
    recordedAt: isoRequired(v.recordedAt),
  };
}

export function duplicateView(d: DuplicateDoc): DuplicateViewT {
  return {
    id: d._id,
    duplicateOf: d.duplicateOf,
    uri: d.uri,
    headline: d.headline,
    method: d.method,
    score: d.score,
    explanation: d.explanation,
    receivedAt: isoRequired(d.receivedAt),
    recordedAt: isoRequired(d.recordedAt),
  };
}

export function embargoAuditEntryView(entry: EmbargoAuditDoc): EmbargoAuditEntryViewT {
  return {
    action: entry.action,
    articleId: entry.articleId,
    version: entry.version,
    embargoedUntil: isoRequired(entry.embargoedUntil),
    previousUntil: iso(entry.previousUntil),
    releaseId: entry.releaseId,
    at: isoRequired(entry.at),
  };
}
