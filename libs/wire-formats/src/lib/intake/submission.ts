import { ArticleSubmissionV1, describeIssues, validate } from '@newswire/contracts';
import { reject } from '../common/draft';
import { readInput } from '../common/input';
import { parseJsonSafely } from '../common/json';
import { checkItemCount } from '../common/limits';
import { type ItemOutcome, type ParseInput, type ParseOutcome, ParseRejection } from '../common/types';
import { type DispatchOptions, parseDocument } from '../dispatch/parse-document';
import { mediaTypeOf } from '../dispatch/sniff';
import { parseAgencyJsonValue } from '../agency-json/agency-json';
import type { Json } from '../ninjs/json-access';

const JSON_TYPES = new Set(['application/json', 'text/json']);
/** Keys only ninjs uses; the platform's own JSON never carries them. */
const NINJS_MARKERS = ['body_text', 'body_html', 'bodies', 'headlines', 'versioncreated', 'firstcreated', 'pubstatus', '$schema', 'items', 'data', 'type'];

export class InvalidJsonError extends Error {
  override readonly name = 'InvalidJsonError';
}

function isCanonical(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.includes('bodyText') || (keys.includes('headline') && !keys.some((k) => NINJS_MARKERS.includes(k)));
}

function canonicalItem(value: unknown, index: number): ItemOutcome {
  const result = validate(ArticleSubmissionV1, value);
  if (result.ok) return { ok: true, article: result.value };
  const paths = result.issues.map((i) => i.path);
  const code = paths.includes('headline') ? 'missing-headline' : paths.includes('bodyText') ? 'missing-body' : 'malformed';
  return reject(index, code, describeIssues(result.issues));
}

/**
 * Everything a client may POST: the platform's own canonical JSON (one
 * article or an array of them) or any wire format the dispatcher reads.
 * JSON that is not canonical is read as ninjs. JSON is decoded like every
 * other body (a BOM or a declared UTF-16 charset is honoured).
 */
export function parseSubmission(input: ParseInput, options?: DispatchOptions): ParseOutcome {
  if (!JSON_TYPES.has(mediaTypeOf(input.contentType))) return parseDocument(input, options);
  let json: unknown;
  try {
    const { text, limits } = readInput(input.body, { limits: options?.limits, contentType: input.contentType });
    json = parseJsonSafely(text, limits);
    // An agency's own JSON (dpa digitalwires, AFP) can pass for canonical or ninjs: it is read by its own reader.
    const agency = parseAgencyJsonValue(json as Json, limits);
    if (agency) return agency;
    const items = Array.isArray(json) ? json : [json];
    if (items.length > 0 && items.every(isCanonical)) {
      checkItemCount(items.length, limits);
      return { format: 'json', items: items.map(canonicalItem) };
    }
  } catch (error) {
    if (!(error instanceof ParseRejection)) throw error;
    if (error.code === 'malformed') throw new InvalidJsonError(`the body is ${error.message}`);
    return { format: 'json', items: [reject(0, error.code, error.message, error.details)] };
  }
  return parseDocument({ ...input, contentType: 'application/ninjs+json' }, options);
}
