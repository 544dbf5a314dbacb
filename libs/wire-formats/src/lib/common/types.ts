import type { CanonicalArticleInput, TransmissionSequence } from '@newswire/contracts';

/** The format names of the contract ('plaintext', 'ninjs', 'newsml-g2', ...). */
export type SourceFormatName = CanonicalArticleInput['source']['format'];

/** What a parser knows: the canonical article minus what ingestion assigns. */
/** `sequence`: the transmission sequence number a wire format's header carries (set by its reader, never by a sender). */
export type ArticleDraft = Omit<CanonicalArticleInput, 'id' | 'source' | 'uri'> & { uri?: string; sequence?: TransmissionSequence };

export interface ParseInput {
  body: Buffer | string;
  contentType?: string;
  filename?: string;
}

export type ItemOutcome =
  | { ok: true; article: ArticleDraft }
  | { ok: false; index: number; reason: string; code: RejectionCode; details?: Record<string, unknown> };

export interface ParseOutcome {
  format: SourceFormatName;
  items: ItemOutcome[];
}

export type RejectionCode =
  | 'empty'
  | 'unsupported-format'
  | 'malformed'
  | 'unsafe'
  | 'too-large'
  | 'too-many-items'
  | 'not-a-story'
  | 'missing-headline'
  | 'missing-body';

/** A whole document refused for a stated reason; never a crash. */
export class ParseRejection extends Error {
  override readonly name = 'ParseRejection';
  constructor(
    readonly code: RejectionCode,
    message: string,
    /** Machine-readable facts about the refusal (limits, counts), passed on to the sender. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
