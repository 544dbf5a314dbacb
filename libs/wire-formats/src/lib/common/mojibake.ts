/*
 * UTF-8 read twice: a feed's UTF-8 bytes decoded as windows-1252 (or ISO-8859-1) somewhere upstream,
 * then sent on as UTF-8, so "£" arrives as "Â£", "é" as "Ã©" and "’" as "â€™" (seen in Ritzau's
 * XML and in feedparser's samples). Only runs that re-encode to valid UTF-8 multi-byte sequences are
 * repaired, so real text, where a letter such as "Ã" is never followed by a windows-1252 punctuation
 * or symbol character of the continuation range, is left alone.
 */

/** windows-1252's 0x80-0x9F, by character (the rest of 0x80-0xFF are ISO-8859-1's, code = byte). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;

/**
 * C1 controls (U+0080-U+009F) in text are nearly always windows-1252 bytes read as ISO-8859-1 (a feed
 * declared latin-1 whose writer typed smart quotes): "don\u0092t" is "don’t". They become the
 * windows-1252 characters, as feed readers do ("demoronize"); the five bytes windows-1252 leaves
 * undefined stay controls, for the caller to drop.
 */
export function c1AsWindows1252(text: string): string {
  return text.replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}
const BYTE_OF = new Map<string, number>();
// An ISO-8859-1 decoder leaves 0x80-0x9F as C1 controls, a windows-1252 one as punctuation: both read back.
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);
for (let b = 0x80; b < 0xa0; b++) BYTE_OF.set(CP1252_HIGH[b - 0x80], b);

/** A character standing for a UTF-8 continuation byte (0x80-0xBF). */
const CONT = `[\\u0080-\\u00bf${CP1252_HIGH.slice(0, 32).replace(/[\u0080-\u009f]/g, '')}]`;
/**
 * A lead byte then as many continuation characters as it announces. Only the leads double decoding
 * makes in news text: 0xC2-0xC5 (Latin-1 symbols, accented letters, Latin Extended-A: "Â£", "Ã©", "Å‚"),
 * 0xCE-0xD1 (Greek, Cyrillic), 0xD7-0xD9 (Hebrew, Arabic), 0xE2-0xE9 and 0xEF (punctuation and CJK:
 * "â€™", "ã€"), 0xF0 (emoji). Not "É…" or "Ü–", which real text can hold.
 */
const RUN = new RegExp(`(?:[\\u00c2-\\u00c5\\u00ce-\\u00d1\\u00d7-\\u00d9]${CONT}|[\\u00e2-\\u00e9\\u00ef]${CONT}{2}|\\u00f0${CONT}{3})+`, 'gu');
const utf8 = new TextDecoder('utf-8', { fatal: true });

function repairRun(run: string): string {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) {
    const b = BYTE_OF.get(run[i]);
    if (b === undefined) return run;
    bytes[i] = b;
  }
  try {
    const text = utf8.decode(bytes);
    // A repair yields letters and symbols, never controls: "Â\u0085" is not "…" read twice, keep it.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    if (/[\u0000-\u001f\u007f-\u009f]/.test(text)) return run;
    // One Greek, Cyrillic, Hebrew or Arabic letter alone is more likely "Ø·" or "Ñ°" as written than a word read twice.
    return text.length === 1 && /[\u0370-\u07ff]/.test(text) ? run : text;
  } catch {
    return run;
  }
}

/** The text with doubly-decoded UTF-8 runs read once; anything else unchanged. */
export function withoutMojibake(text: string): string {
  // Fast path: every run starts with one of these letters.
  if (!/[\u00c2-\u00f0]/.test(text)) return text;
  return text.replace(RUN, repairRun);
}
