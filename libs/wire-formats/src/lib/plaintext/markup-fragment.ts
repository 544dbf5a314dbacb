/*
 * Text sent as text/plain that is really markup: a DTD or entity set, a run of
 * entity references, an XML document in no news format. None of it is a story,
 * and reading it as one would store its declarations as a headline and body.
 * Judged on the first 64 KB: a fragment is small, and a story is mostly words.
 */

const SAMPLE_CHARS = 64 * 1024;
/** Markup declarations and conditional sections: only DTDs and entity sets have them. */
const DECLARATION = /<!\s*(ENTITY|ELEMENT|ATTLIST|NOTATION)\b|<!\[\s*(INCLUDE|IGNORE)\s*\[|%[A-Za-z][\w.-]{0,31};/i;
const COMMENT = /<!--[\s\S]*?(-->|$)/g;
const TAG = /<[!?/]?[A-Za-z][^<>]{0,2000}>/g;
const REFERENCE = /&(#\d{1,8}|#x[0-9a-fA-F]{1,7}|[A-Za-z][\w.-]{0,31});/g;
const BASIC: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Escaped markup can be escaped again ("&amp;lt;!ENTITY"): unwrap a few layers before looking. */
const UNESCAPE_ROUNDS = 3;
/**
 * Text that is at least this much markup and has less than this share of letters is markup with
 * a few words in it. Both are needed: a table of figures has few letters but no markup.
 */
const MIN_MARKUP_SHARE = 0.4;
const MIN_LETTER_SHARE = 0.35;

function unescapeOnce(text: string): string {
  return text.replace(REFERENCE, (whole, ref: string) => {
    if (ref[0] !== '#') return BASIC[ref] ?? whole;
    const cp = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

function countMatches(text: string, re: RegExp): number {
  let n = 0;
  for (const m of text.matchAll(re)) n += m[0].length;
  return n;
}

/** Why the text is markup rather than a story, or undefined when it reads as text. */
export function markupFragmentReason(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  let layer = sample;
  for (let round = 0; round <= UNESCAPE_ROUNDS; round++) {
    if (DECLARATION.test(layer)) return 'XML markup declarations (a DTD or entity set), not a story';
    const next = unescapeOnce(layer);
    if (next === layer) break;
    layer = next;
  }
  const visible = sample.replace(/\s+/g, '');
  if (visible.length === 0) return undefined;
  // Letters are counted in the unescaped text, so markup escaped once or twice counts as markup.
  const words = layer.replace(COMMENT, ' ').replace(TAG, ' ').replace(REFERENCE, ' ');
  const markupShare = 1 - words.replace(/\s+/g, '').length / visible.length;
  const letterShare = countMatches(words, /\p{L}+/gu) / visible.length;
  if (markupShare >= MIN_MARKUP_SHARE && letterShare < MIN_LETTER_SHARE) return 'markup and entity references with hardly any text, not a story';
  return undefined;
}
