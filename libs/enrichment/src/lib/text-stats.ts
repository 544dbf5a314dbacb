import { BREAKS, CONTINUES, STARTS, charRuns, runRoles, runTexts, type RunRole } from './char-runs';
import { boundedMemo } from './memo';

/** Words that carry no topic or key-phrase signal. */
export const STOPWORDS = new Set(
  "a about above after again against all almost along already also although always am among an and another any are around as at be because been before being below between both but by can could did do does doing down during each either else even ever every few for from further had has have having he her here hers him his how however i if in into is it its itself just last least less like made make many may me might more most much must my near nearly neither never new next no nor not now of off often on once one only onto or other others our out over own per perhaps rather said same say says she should since so some still such than that the their them then there these they this those though through thus to too toward towards under until up upon us very via was we were what when where whether which while who whom whose why will with within without would yet you your year years week weeks day days time times mr mrs ms told according including also monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december two three four five six seven eight nine ten first second third percent per cent around about there's it's don't didn't won't can't".split(' '),
);

/** The text's words: what `/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*\/gu` matches (a letter or digit, then letters, marks, digits, apostrophes, hyphens). */
export function words(text: string): string[] {
  return runTexts(text, WORD_CHARS);
}

/** Where those words are, as flat [start, end] pairs: for a caller that copies out only some of them. */
export function wordSpans(text: string): number[] {
  return charRuns(text, WORD_CHARS);
}

/** Scripts written without spaces between words: a run of them is one "word" to the regex. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** ICU's dictionary-based word breaker (Intl.Segmenter, full ICU in Node 20), shared: building one costs more than a short text. */
let segmenter: Intl.Segmenter | undefined;

export function wordCount(text: string): number {
  // Counted in one pass over the characters, without building the list of words (a 4 KB article has 700)
  // or running the Unicode-class regex per word: this count ran on every article in every language.
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    let kind: CharKind;
    if (code < 0x80) kind = ASCII_KINDS[code];
    else {
      const at = i;
      code = text.codePointAt(i) as number;
      if (code > 0xffff) i++;
      kind = kindOf(code);
      if (kind === UNSPACED_CHAR) {
        // Only the run written without spaces goes to the dictionary breaker: segmenting the whole text when one
        // Chinese name appeared in an English story cost more than the rest of the count (and counted its hyphenated words apart).
        const end = unspacedRunEnd(text, i + 1);
        n += segmentedWordCount(text.slice(at, end));
        i = end - 1;
        inWord = false;
        continue;
      }
    }
    if (inWord) inWord = kind !== OTHER;
    else if (kind === WORD_START) {
      inWord = true;
      n++;
    }
  }
  return n;
}

/** Where the run of characters of unspaced scripts that goes on at `from` ends. */
function unspacedRunEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const code = text.codePointAt(i) as number;
    if (code < 0x80 || kindOf(code) !== UNSPACED_CHAR) break;
    i += code > 0xffff ? 2 : 1;
  }
  return i;
}

function segmentedWordCount(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let words = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) words++;
  return words;
}

/** What a character is to a word: starts one (letter, digit), only continues one (mark, apostrophe, hyphen), neither; or UNSPACED. */
type CharKind = RunRole | typeof UNSPACED_CHAR;
const OTHER = BREAKS;
const WORD_START = STARTS;
const UNSPACED_CHAR = 3;
const ASCII_KINDS: CharKind[] = Array.from({ length: 128 }, (_, c) => classify(c));
/** Non-ASCII kinds met so far: a text uses few distinct characters. */
const kindOf = boundedMemo(4096, classify);
/** The same kinds as run roles, no unspaced script set apart (words): a Han or Thai letter starts and continues a word like any other. */
const WORD_CHARS = runRoles(wordKind);

function classify(code: number): CharKind {
  return UNSPACED.test(String.fromCodePoint(code)) ? UNSPACED_CHAR : wordKind(code);
}

function wordKind(code: number): RunRole {
  const c = String.fromCodePoint(code);
  if (/[\p{L}\p{N}]/u.test(c)) return WORD_START;
  if (/[\p{M}'’-]/u.test(c)) return CONTINUES;
  return OTHER;
}

/** Crude English stemmer: enough to join "strike" and "strikes" for a bag-of-words model. */
export const stem = boundedMemo(50_000, stemUncached);

function stemUncached(w: string): string {
  const s = w.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
  if (s.length <= 4) return s;
  return s.replace(/(?:ies)$/, 'y').replace(/(?:ing|ed|es|s)$/, '').replace(/(.)\1$/, '$1');
}

const ABBREV_END = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Jr|Sr|Inc|Corp|Co|Ltd|No|Fla|Calif|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b\p{Lu})\.$/u;

/** Sentences split on end punctuation followed by a capital; abbreviations tolerated loosely. */
export function sentences(text: string): string[] {
  return [...eachSentence(text)];
}

/** `sentences`, one at a time, for a reader that needs only the first few (the lead summary). */
export function* eachSentence(text: string): Generator<string> {
  for (const para of text.split(/\n\s*\n/)) {
    const parts = para.replace(/\s+/g, ' ').trim().split(/(?<=[.!?»”"])\s+(?=[«“"‘(]?\p{Lu})/u);
    let buf = '';
    for (const p of parts) {
      buf = buf ? `${buf} ${p}` : p;
      // "Mr. Smith", "U.S. officials": a short token before the stop is an abbreviation, not an end. Asked of the part
      // just added, which ends the buffer and follows a space in it: the same answer, where testing the whole buffer
      // again at every part made a text of abbreviations ("U.S. U.S. ...") quadratic.
      if (ABBREV_END.test(p)) continue;
      if (buf.length > 0) yield buf;
      buf = '';
    }
    if (buf) yield buf;
  }
}
