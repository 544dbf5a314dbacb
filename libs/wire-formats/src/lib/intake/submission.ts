import { ArticleSubmissionV1, describeIssues, validate } from '@newswire/contracts';
import { reject } from '../common/draft';
import type { ItemOutcome, ParseInput, ParseOutcome } from '../common/types';
import { parseDocument } from '../dispatch/parse-document';
import { mediaTypeOf } from '../dispatch/sniff';

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
 * JSON that is not canonical is read as ninjs.
 */
export function parseSubmission(input: ParseInput): ParseOutcome {
  if (!JSON_TYPES.has(mediaTypeOf(input.contentType))) return parseDocument(input);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.isBuffer(input.body) ? input.body.toString('utf8') : input.body);
  } catch (err) {
    throw new InvalidJsonError(`the body is not valid JSON: ${(err as Error).message}`);
  }
  const items = Array.isArray(json) ? json : [json];
  if (items.length > 0 && items.every(isCanonical)) return { format: 'json', items: items.map(canonicalItem) };
  return parseDocument({ ...input, contentType: 'application/ninjs+json' });
}
