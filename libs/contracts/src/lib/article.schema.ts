import { z } from 'zod';

/** Every instant on the wire is UTC ISO 8601 with an explicit offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/**
 * The years a story's own times may fall in. Every format reader drops a date outside them as a typo or
 * a placeholder; the platform's JSON refuses one, so a story stamped 9999 cannot rank newer than every
 * later version of itself.
 */
export const STORY_YEARS = { min: 1900, max: 2200 } as const;

/** An instant a sender gives for its story (created, version created, embargoed): ISO 8601, within STORY_YEARS. */
export const StoryInstant = IsoDateTime.refine((value) => {
  const year = new Date(value).getUTCFullYear();
  return year >= STORY_YEARS.min && year <= STORY_YEARS.max;
}, `must fall between the years ${STORY_YEARS.min} and ${STORY_YEARS.max}`);

export const PubStatus = z.enum(['usable', 'withheld', 'canceled']);
export const Signal = z.enum(['update', 'correction']);
/** Formats the ingester reads; new values are only ever appended (subscribers' enums only grow). */
export const SourceFormat = z.enum([
  'plaintext',
  'json',
  'ninjs',
  'newsml-g2',
  'nitf',
  'rss',
  'atom',
  'newsml-1',
  'anpa-1312',
  'iptc-7901',
  'dpa-digitalwires',
  'afp-json',
  'email',
  'ritzau-xml',
  'json-feed',
]);
export type PubStatus = z.infer<typeof PubStatus>;
export type Signal = z.infer<typeof Signal>;
export type SourceFormat = z.infer<typeof SourceFormat>;

export const Subject = z.object({
  scheme: z.string().optional(),
  code: z.string().optional(),
  name: z.string().optional(),
});

/** An entity named by the source itself, as opposed to one found by enrichment. */
export const SourceEntity = z.object({
  name: z.string().min(1),
  uri: z.string().optional(),
  rel: z.string().optional(),
});

export const Link = z.object({
  href: z.string(),
  rel: z.string().optional(),
  type: z.string().optional(),
  title: z.string().optional(),
});

export const Rendition = z.object({
  href: z.string(),
  contentType: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  title: z.string().optional(),
});

/**
 * The agency's transmission sequence number where the format carries one
 * (ANPA 1312 `W2870`: service `w`, number 2870; IPTC 7901 `eca062`: series
 * `eca`, number 62). Numbers run within a series and start again after
 * `wrapsAfter` (9999 for ANPA's four digits), so a missing number is a lost message.
 */
export const TransmissionSequence = z.object({
  series: z.string().min(1).max(32),
  number: z.number().int().nonnegative(),
  wrapsAfter: z.number().int().positive(),
});
export type TransmissionSequence = z.infer<typeof TransmissionSequence>;

/**
 * The canonical article, named after IPTC ninjs 2.x (camel-cased) so that
 * every wire format maps onto one shape.
 */
export const CanonicalArticleV1 = z.object({
  /** Platform id, assigned at ingestion; stable across the pipeline. */
  id: z.string().min(1),
  /** The source's own identifier (guid/uri) or a platform URN when it has none. */
  uri: z.string().min(1),
  version: z.number().int().nonnegative().optional(),
  firstCreated: IsoDateTime.optional(),
  versionCreated: IsoDateTime.optional(),
  pubStatus: PubStatus.default('usable'),
  embargoed: IsoDateTime.optional(),
  /**
   * The source's embargo instruction to editors as written ("Sperrfrist: 25. November, 10.00 Uhr MEZ"),
   * kept out of the body; `embargoed` holds the instant when the instruction names one.
   */
  embargoNote: z.string().optional(),
  urgency: z.number().int().min(1).max(9).optional(),
  signals: z.array(Signal).default([]),
  language: z.string().optional(),
  headline: z.string().min(1),
  subheadline: z.string().optional(),
  byline: z.string().optional(),
  dateline: z.string().optional(),
  located: z.string().optional(),
  bodyHtml: z.string().optional(),
  bodyText: z.string().min(1),
  description: z.string().optional(),
  subjects: z.array(Subject).default([]),
  keywords: z.array(z.string()).default([]),
  people: z.array(SourceEntity).default([]),
  organisations: z.array(SourceEntity).default([]),
  places: z.array(SourceEntity).default([]),
  publisher: z.string().optional(),
  provider: z.string().optional(),
  links: z.array(Link).default([]),
  renditions: z.array(Rendition).default([]),
  source: z.object({
    /**
     * The registered source that delivered the story, authenticated by its
     * signing key; absent for unsigned development-mode requests. It comes
     * first in the story key, so only this source can update or kill it.
     */
    id: z.string().min(1).optional(),
    format: SourceFormat,
    contentType: z.string().optional(),
    channel: z.string().default('http'),
    receivedAt: IsoDateTime,
    sequence: TransmissionSequence.optional(),
  }),
  /** Original bytes (UTF-8 text) when small, so a parser fix can be replayed. */
  raw: z.string().optional(),
});

export type CanonicalArticle = z.infer<typeof CanonicalArticleV1>;
export type CanonicalArticleInput = z.input<typeof CanonicalArticleV1>;

/**
 * What a client may POST as JSON: the canonical article without the fields
 * the platform assigns. `uri` is the sender's own identifier when it has one.
 */
export const ArticleSubmissionV1 = CanonicalArticleV1.omit({ id: true, source: true, uri: true }).extend({
  uri: z.string().min(1).optional(),
  firstCreated: StoryInstant.optional(),
  versionCreated: StoryInstant.optional(),
  embargoed: StoryInstant.optional(),
});
export type ArticleSubmission = z.input<typeof ArticleSubmissionV1>;
