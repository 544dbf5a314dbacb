import { finishDraft, reject } from '../common/draft';
import { readInput } from '../common/input';
import { parseJsonSafely } from '../common/json';
import { type ParseLimits, type ParseOptions, checkItemCount } from '../common/limits';
import { type ItemOutcome, type ParseOutcome, ParseRejection } from '../common/types';
import { parseAgencyJsonValue } from '../agency-json/agency-json';
import { isJsonFeed, parseJsonFeedValue } from '../feeds/json-feed';
import { Folded, type Json, type JsonObject, isObject } from './json-access';
import { ninjsNonStoryReason, readNinjsItem } from './ninjs-item';

const ENVELOPE_KEYS = ['items', 'data', 'item', 'results', 'entries', 'articles', 'documents', 'docs', 'hits', '_source', 'content'];
const ITEM_KEYS = ['uri', 'headline', 'headlines', 'bodies', 'body_text', 'body_html', 'body_xhtml', 'versioncreated', 'versionCreated', 'eventDetails'];
const MAX_ENVELOPE_DEPTH = 4;

export function looksLikeNinjsItem(value: JsonObject): boolean {
  return ITEM_KEYS.some((k) => k in value);
}

/** Items inside the envelopes APIs put around ninjs: arrays, {items: []}, {data: {}}, ... */
export function collectNinjsItems(json: Json, depth = 0): JsonObject[] {
  if (depth > MAX_ENVELOPE_DEPTH) return [];
  if (Array.isArray(json)) return json.flatMap((v) => collectNinjsItems(v, depth + 1));
  if (!isObject(json)) return [];
  if (looksLikeNinjsItem(json)) return [json];
  for (const key of ENVELOPE_KEYS) {
    if (json[key] !== undefined && json[key] !== null) {
      const found = collectNinjsItems(json[key], depth + 1);
      if (found.length > 0) return found;
    }
  }
  return [];
}

function outcomeOf(raw: JsonObject, index: number): ItemOutcome {
  const item = new Folded(raw);
  const notStory = ninjsNonStoryReason(item);
  if (notStory) return reject(index, 'not-a-story', `${notStory}${item.str('uri') ? ` (${item.str('uri')})` : ''}`);
  return finishDraft(readNinjsItem(item), index);
}

/** ninjs 1.x, 2.x and 3.x, one item, an array or an API envelope. */
export function parseNinjs(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text, limits } = readInput(body, options);
  return parseNinjsValue(parseJsonSafely(text, limits) as Json, limits);
}

/** Every item is counted before any is read: a document over the item limit is refused whole. */
export function parseNinjsValue(json: Json, limits: ParseLimits): ParseOutcome {
  // A JSON Feed names itself by its version URL; its items are no ninjs ("content_html", "date_published").
  if (isJsonFeed(json)) return parseJsonFeedValue(json, limits);
  // An agency's own JSON looks like ninjs but keeps its id and text elsewhere: its reader goes first.
  const agency = parseAgencyJsonValue(json, limits);
  if (agency) return agency;
  const items = collectNinjsItems(json);
  if (items.length === 0) throw new ParseRejection('unsupported-format', 'JSON without any ninjs item (no uri, headline or body keys)');
  checkItemCount(items.length, limits);
  return { format: 'ninjs', items: items.map(outcomeOf) };
}
