const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

export function paragraphsToHtml(paragraphs: string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}

/** Collapses runs of spaces and tabs inside a line; keeps the words as they are. */
export function tidyLine(line: string): string {
  return line.replace(/[\t\u00a0 ]+/g, ' ').trim();
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/*
 * Sentence ends in the scripts wire copy comes in: a Latin full stop, question or exclamation mark
 * before a space; the ideographic full stop and full-width marks (Chinese, Japanese) with no space
 * after them; the Arabic question mark and full stop; the danda (Hindi, Bengali).
 */
const SENTENCE_END = /(?:[.!?](?=["'”’»)\]]*(?:\s|$))["'”’»)\]]*|[。！？؟۔।][」』”’)）]*)/gu;
/** A full stop after these ends an abbreviation, not a sentence ("Mr. Smith", "Jan. 5", "J. Doe", "U.S. troops"). */
const ABBREVIATION = /(?:^|[\s(])(?:\p{Lu}|mr|mrs|ms|dr|prof|st|sr|jr|gen|col|lt|sgt|capt|gov|sen|rep|rev|hon|pres|inc|corp|co|ltd|no|nr|vs|etc|approx|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|(?:\p{L}\.)+\p{L})\.$/iu;
/** The first sentence end at least 20 characters in, not after an abbreviation. */
function firstSentenceEnd(text: string): number | undefined {
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (end < 20) continue;
    if (m[0][0] === '.' && ABBREVIATION.test(text.slice(Math.max(0, m.index - 12), m.index + 1))) continue;
    return end;
  }
  return undefined;
}
const ELLIPSIS = '…';

/**
 * The opening sentence of a paragraph, as a stand-in headline or a summary, whole when it is at most
 * `sentenceMax` characters. Otherwise the text is cut at the last space before `max` (a script
 * without spaces, at `max`) and marked with an ellipsis, never in the middle of a word.
 */
export function leadSentence(paragraph: string, max = 160, sentenceMax = max): string {
  // Only the first paragraph: a flash's text and its desk sign-off below it are not one sentence.
  const text = paragraph.trim().split(/\n[ \t]*\n/, 1)[0].replace(/\s+/g, ' ').trim();
  const end = firstSentenceEnd(text.slice(0, sentenceMax + 2));
  const sentence = end === undefined ? undefined : text.slice(0, end).trim();
  if (sentence && sentence.length <= sentenceMax) return sentence;
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}${ELLIPSIS}`;
}

export function wordCountOf(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
