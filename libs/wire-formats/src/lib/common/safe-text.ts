import { htmlToText, looksLikeHtml } from '../html/sanitize';
import { c1AsWindows1252, withoutMojibake } from './mojibake';

/*
 * The shapes a string may take in a stored article. Control characters never
 * survive: the store cannot hold NUL (FerretDB refuses it, so a story with one
 * would be accepted and then be unreachable by the id we returned), and C0/C1
 * controls in text are either mojibake or an attack on whoever displays it.
 */

// The noncharacters U+FFFE and U+FFFF go too: not text either, and XML may not carry them, so a
// headline made of one came back from our own NewsML-G2 as another headline.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex -- the same set without tab and line feed
const CONTROLS_BUT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/g;
/** A '<' that could open a tag, comment or declaration. */
const TAG_OPENER = /<(?=[a-z!?/])/gi;
const MARKUP_ROUNDS = 3;

/**
 * Lone surrogates replaced by U+FFFD: one is not text and cannot be written as UTF-8 (BSON, Kafka
 * consumers in other languages). String.prototype.toWellFormed (ES2024, native in Node 20; the
 * project's lib setting is ES2023) does it in one pass; the regex it replaces was 3% of the ingester's CPU.
 */
function wellFormed(text: string): string {
  return (text as string & { toWellFormed(): string }).toWellFormed();
}

/** No control character at all: for identifiers, tokens and URLs. */
export function withoutControls(text: string): string {
  return wellFormed(text).replace(CONTROLS, '');
}

/**
 * Keeps tab and line feed (CR LF and CR become LF): for text with lines. C1 controls are read as
 * windows-1252 first, then UTF-8 that was decoded twice upstream ("Â£", "â€™") is read once (mojibake.ts).
 */
export function withoutControlsButLines(text: string): string {
  return withoutMojibake(c1AsWindows1252(wellFormed(text))).replace(/\r\n?/g, '\n').replace(CONTROLS_BUT_TAB_LF, '');
}

/**
 * Markup removed and entities decoded. Decoding can reveal markup that was
 * escaped ("&lt;script&gt;"), so it is repeated a few times; then no '<' that
 * could still open a tag is left (a '<' before a space or digit stays).
 */
function withoutMarkup(text: string): string {
  let out = text;
  for (let round = 0; round < MARKUP_ROUNDS && looksLikeHtml(out); round++) out = htmlToText(out);
  return out.replace(TAG_OPENER, '');
}

/** A source's identifier (uri, code, scheme, language, rel): kept as given, minus controls. */
export function identifier(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  return withoutControls(value).trim() || undefined;
}

/** One line of plain text (headline, name, keyword): no markup, entities decoded, whitespace collapsed. */
export function inlineText(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = withoutMarkup(withoutControlsButLines(value));
  return withoutControls(text.replace(/\s+/g, ' ')).trim() || undefined;
}

/** Plain text with paragraphs (bodyText): as inlineText, but line feeds and tabs stay. */
export function blockText(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = withoutMarkup(withoutControlsButLines(value));
  return withoutControlsButLines(text).trim() || undefined;
}

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * A URL that may be followed: absolute http, https or mailto, in the WHATWG
 * serialisation (the parser browsers use, so the scheme we check is the one
 * they would see; quotes and angle brackets come out percent-encoded).
 * Anything else, relative URLs included, gives undefined.
 */
export function linkUrl(value: string | undefined): string | undefined {
  const text = identifier(value);
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return LINK_SCHEMES.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const SCRIPT_SCHEME = /^(javascript|vbscript|livescript|data):/;

/**
 * An entity's uri is an identifier (urn:, a qcode, a URL), but interfaces link
 * it: one whose scheme can run script is dropped.
 */
export function entityUri(value: string | undefined): string | undefined {
  const text = identifier(value);
  if (!text) return undefined;
  return SCRIPT_SCHEME.test(text.replace(/\s+/g, '').toLowerCase()) ? undefined : text;
}
