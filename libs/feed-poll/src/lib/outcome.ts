/** Why a poll produced nothing: stable codes, in the poll state and the metrics. */
export const POLL_FAILURES = [
  'timeout',
  'too_large',
  'address_refused',
  'too_many_redirects',
  'bad_redirect',
  'http_error',
  'network_error',
  'unreadable',
  'publish_failed',
] as const;
export type PollFailureCode = (typeof POLL_FAILURES)[number];

export type PollOutcomeKind = 'published' | 'unchanged' | 'not_modified' | PollFailureCode;

/** A failure whose code and reason are recorded against the source. */
export class PollFailure extends Error {
  override readonly name = 'PollFailure';
  constructor(
    readonly code: PollFailureCode,
    reason: string,
    /** A server's Retry-After (seconds), honoured by the backoff. */
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
  }
}
