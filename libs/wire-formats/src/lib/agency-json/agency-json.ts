import { finishDraft } from '../common/draft';
import { readInput } from '../common/input';
import { parseJsonSafely } from '../common/json';
import { type ParseLimits, type ParseOptions, checkItemCount } from '../common/limits';
import { type ParseOutcome, ParseRejection } from '../common/types';
import { type Json, type JsonObject, isObject } from '../ninjs/json-access';
import { isAfpDocument, readAfpDocument } from './afp-json';
import { isDigitalwiresEntry, readDigitalwiresEntry } from './dpa-digitalwires';

/*
 * Agencies' own JSON formats. Each is recognised by keys only it uses, in an
 * item or inside the envelope its API wraps items in; anything else is left
 * to the ninjs reader.
 */

interface AgencyFormat {
  name: 'dpa-digitalwires' | 'afp-json';
  isItem: (value: JsonObject) => boolean;
  read: typeof readDigitalwiresEntry;
  /** Where the API puts its list of items. */
  envelopes: string[][];
}

const FORMATS: AgencyFormat[] = [
  { name: 'dpa-digitalwires', isItem: isDigitalwiresEntry, read: readDigitalwiresEntry, envelopes: [['entries'], ['items'], ['data']] },
  { name: 'afp-json', isItem: isAfpDocument, read: readAfpDocument, envelopes: [['response', 'docs'], ['docs'], ['documents']] },
];

function at(json: JsonObject, keys: string[]): Json | undefined {
  let current: Json | undefined = json;
  for (const key of keys) current = isObject(current) ? current[key] : undefined;
  return current;
}

/** The items of one agency format in the document, or undefined when it is none of them. */
function itemsOf(json: Json): { format: AgencyFormat; items: JsonObject[] } | undefined {
  for (const format of FORMATS) {
    const candidates: Json[] = Array.isArray(json) ? json : isObject(json) && format.isItem(json) ? [json] : [];
    if (!Array.isArray(json) && isObject(json) && candidates.length === 0) {
      for (const path of format.envelopes) {
        const list = at(json, path);
        if (Array.isArray(list)) {
          candidates.push(...list);
          break;
        }
      }
    }
    const objects = candidates.filter(isObject);
    if (objects.length > 0 && objects.every(format.isItem)) return { format, items: objects };
  }
  return undefined;
}

/** Reads a parsed JSON value if it is an agency format; undefined leaves it to the ninjs reader. */
export function parseAgencyJsonValue(json: Json, limits: ParseLimits): ParseOutcome | undefined {
  const found = itemsOf(json);
  if (!found) return undefined;
  checkItemCount(found.items.length, limits);
  return { format: found.format.name, items: found.items.map((item, i) => finishDraft(found.format.read(item), i)) };
}

export function isAgencyJson(json: Json): boolean {
  return itemsOf(json) !== undefined;
}

/** Entry point for a body known to be agency JSON. */
export function parseAgencyJson(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text, limits } = readInput(body, options);
  const outcome = parseAgencyJsonValue(parseJsonSafely(text, limits) as Json, limits);
  if (!outcome) throw new ParseRejection('unsupported-format', 'JSON in no agency format this reader knows (dpa digitalwires, AFP)');
  return outcome;
}
