import { isWhiteSpace } from './char-runs';
import { boundedMemo } from './memo';

/** One word or punctuation mark, with its character offsets in the source text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Starts with a capital letter (or is an all-caps acronym). */
  cap: boolean;
  isWord: boolean;
  /** First word of a sentence: its capital letter says nothing about it being a name. */
  sentStart: boolean;
  /** Followed directly by a possessive 's (removed from `text`). */
  poss: boolean;
}

/** Accent-folded lower case, the key of every lookup table. */
export function fold(s: string): string {
  // Most words are plain ASCII, where folding is lower-casing, and most are in lower case already, where it is nothing:
  // one pass over the codes tells both (fold ran for 6% of an enricher's CPU).
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80) return foldUnicode(s);
    if (code >= 65 && code <= 90) upper = true;
  }
  return upper ? s.toLowerCase() : s;
}

/** Folds of recent non-ASCII strings. */
const foldUnicode = boundedMemo(20_000, (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'"));

/** By character codes: words are short, and a regex test here cost more than the loop. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREV = new Set(
  'mr mrs ms dr prof st sen rep gov gen col lt maj capt sgt jr sr inc corp co ltd no vs etc fla calif colo ill mass mich minn nev okla pa tenn va ky md ga ariz conn wash jan feb mar apr jun jul aug sep sept oct nov dec u.s'.split(' '),
);

// Hyphenated compounds whose second half is an ordinary word: "UN-backed" is about the UN, a "Taylor Swift-themed"
// class about her, a "Kremlin-funded" outlet about the Kremlin (any participle in -ed; not -ing, a noun in Dutch
// compounds: "Claisen-omlegging").
const COMPOUND_TAIL = /^(.+?)-([a-z]{2,}ed|based|backed|led|owned|run|style|born|made|funded|linked|controlled|era|wide|like|bound|listed|registered|affiliated|allied|friendly|centric|related|focused|sponsored|brokered|headquartered|bred|born|area|region|level|speaking)$/;

// Italian writes its article-prepositions elided too ("dell'Unione", "all'Allianz Stadium", "nell'Ue"):
// left joined, "Inter all'Allianz Stadium" read as one name. "Sant'Egidio" is a name and stays whole.
const ELISION = /^((?:[ldjnmstc]|qu|jusqu|lorsqu|puisqu|all|dall|dell|nell|sull|coll|quell)['’])(?=\p{Lu})/iu;

/**
 * The next token at or after `from`, as [start, end], or undefined at the text's end: what this pattern matches
 *   /(?:\p{Lu}\.){2,}|\p{Lu}{2}\.(?: ?\p{Lu}{2}\.)+|[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’](?=\p{L}{2})|[-&](?=[\p{L}\p{N}]))*|\S/gu
 * (dotted acronyms, words with inner apostrophes and hyphens, any other character), found by character codes: the
 * pattern cost a tenth of the entity extractor's time. Only the acronyms' alternatives still run as a pattern, where a
 * capital has a full stop one or two characters on.
 */
export function nextToken(text: string, from: number): [number, number] | undefined {
  const end = nextTokenEnd(text, from);
  return end < 0 ? undefined : [tokenStart, end];
}

/** Where nextTokenEnd's token starts: set by each call (tokenize asks per token, and a pair per token was garbage). */
let tokenStart = 0;
/** Whether nextTokenEnd's token has an apostrophe, a hyphen inside: set by each call, as it passes them anyway. */
let tokenApostrophe = false;
let tokenHyphen = false;

/** nextToken's end, its start left in tokenStart; -1 at the text's end. */
function nextTokenEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWhiteSpace(text.charCodeAt(i))) i++;
  if (i >= text.length) return -1;
  tokenStart = i;
  tokenApostrophe = false;
  tokenHyphen = false;
  const code = text.codePointAt(i) as number;
  const classes = classesOf(code);
  if (classes & UPPER && (code > 0xffff || text.charCodeAt(i + 1) === 46 || text.charCodeAt(i + 2) === 46 || isLeadSurrogate(text.charCodeAt(i + 1)))) {
    DOTTED_ACRONYM.lastIndex = i;
    const acronym = DOTTED_ACRONYM.exec(text);
    if (acronym) return i + acronym[0].length;
  }
  if (!(classes & (LETTER | NUMBER))) return i + (code > 0xffff ? 2 : 1);
  let j = i + (code > 0xffff ? 2 : 1);
  while (j < text.length) {
    const c = text.codePointAt(j) as number;
    const width = c > 0xffff ? 2 : 1;
    if (classesOf(c) & (LETTER | MARK | NUMBER)) j += width;
    // An apostrophe inside a word before two letters ("rock'n'roll" stops at "n'"), a hyphen or ampersand before a letter or digit.
    else if ((c === 39 || c === 0x2019) && lettersAt(text, j + 1, 2)) {
      tokenApostrophe = true;
      j += 1;
    } else if ((c === 45 || c === 38) && j + 1 < text.length && classesOf(text.codePointAt(j + 1) as number) & (LETTER | NUMBER)) {
      if (c === 45) tokenHyphen = true;
      j += 1;
    } else break;
  }
  return j;
}

// Spanish abbreviates a plural by doubling its letters: "EE.UU." (Estados Unidos), "CC.OO.", "FF.AA.", also "EE. UU.".
const DOTTED_ACRONYM = /(?:\p{Lu}\.){2,}|\p{Lu}{2}\.(?: ?\p{Lu}{2}\.)+/uy;

function isLeadSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Whether `count` letters (code points) start at `at`. */
function lettersAt(text: string, at: number, count: number): boolean {
  for (let k = 0; k < count; k++) {
    if (at >= text.length) return false;
    const c = text.codePointAt(at) as number;
    if (!(classesOf(c) & LETTER)) return false;
    at += c > 0xffff ? 2 : 1;
  }
  return true;
}

/** A code point's Unicode classes as bits: by table for ASCII, remembered for the rest (a text uses few distinct characters). */
const LETTER = 1;
const MARK = 2;
const NUMBER = 4;
const UPPER = 8;
function unicodeClasses(code: number): number {
  const c = String.fromCodePoint(code);
  return (/\p{L}/u.test(c) ? LETTER : 0) | (/\p{M}/u.test(c) ? MARK : 0) | (/\p{N}/u.test(c) ? NUMBER : 0) | (/\p{Lu}/u.test(c) ? UPPER : 0);
}
const ASCII_CLASSES = Array.from({ length: 128 }, (_, c) => unicodeClasses(c));
const nonAsciiClasses = boundedMemo(4096, unicodeClasses);
function classesOf(code: number): number {
  return code < 0x80 ? ASCII_CLASSES[code] : nonAsciiClasses(code);
}

/** Splits text into tokens in one left-to-right pass, marking sentence starts. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let sentStart = true;
  let newline = text.indexOf('\n');
  let next = 0;
  for (let matchEnd = nextTokenEnd(text, 0); matchEnd >= 0; matchEnd = nextTokenEnd(text, next)) {
    const start = tokenStart;
    next = matchEnd;
    let word = text.slice(start, matchEnd);
    const first = word.charCodeAt(0);
    const isWord = isLetterOrDigit(first) || (first >= 0x80 && /[\p{L}\p{N}]/u.test(word[0]));
    if (!isWord) {
      if (word === '.' || word === '!' || word === '?') {
        const prev = out[out.length - 1];
        const abbrev = prev && prev.isWord && (ABBREV.has(prev.text.toLowerCase()) || /^\p{Lu}$/u.test(prev.text));
        if (!abbrev) sentStart = true;
      } else if (word === '\n') sentStart = true;
      out.push({ text: word, start, end: start + word.length, cap: false, isWord: false, sentStart: false, poss: false });
      continue;
    }
    if (first === 0) continue;
    // A paragraph break starts a new sentence even without a full stop (headline, dateline).
    // (Most gaps are one space: the slice and its test only where a line ends inside the gap.)
    if (out.length) {
      const gapStart = out[out.length - 1].end;
      // Gaps only move forward, so the next line end is searched for once per line: linear in the text.
      while (newline >= 0 && newline < gapStart) newline = text.indexOf('\n', gapStart);
      if (newline >= 0 && newline < start && /\n\s*\n/.test(text.slice(gapStart, start))) sentStart = true;
    }
    // French elision: "l'Élysée", "d'Orsay" are an article and a name.
    // (Marked as the token was found: no search of the word.)
    const hasApostrophe = tokenApostrophe;
    const hasHyphen = tokenHyphen;
    // A capital "D'" inside a sentence opens a surname instead ("Dinesh D'Souza", "Massimo D'Alema"); at a sentence's
    // start it is the preposition ("D'après"), and a capital "L'" stays the article ("à L'Élysée").
    const elision = hasApostrophe ? ELISION.exec(word) : null;
    const elided = elision && (sentStart || !/^D['’]$/.test(elision[1])) ? elision : null;
    if (elided) {
      out.push({ text: elided[1], start, end: start + elided[1].length, cap: false, isWord: true, sentStart, poss: false });
      sentStart = false;
      next = start + elided[1].length;
      continue;
    }
    const tail = hasHyphen ? COMPOUND_TAIL.exec(word) : null;
    if (tail) word = tail[1];
    let poss = false;
    const end = matchEnd;
    const quote = text.charCodeAt(end);
    if (!tail && (quote === 39 || quote === 0x2019) && text[end + 1] === 's' && !/[\p{L}]/u.test(text[end + 2] ?? '')) {
      poss = true;
      next += 2;
    } else if (!tail && (quote === 39 || quote === 0x2019) && /[sS]$/.test(word) && /^\s\p{Lu}/u.test(text.slice(end + 1, end + 3))) {
      // A plural's possessive before a capitalised word: "Westminster Magistrates' Court", "St. Thomas' Hospital".
      poss = true;
      next += 1;
    }
    const cap = startsUpper(word) || (hasHyphen && /^(?:al|el|bin|ibn|abu)-\p{Lu}/u.test(word));
    out.push({ text: word, start, end: start + word.length, cap, isWord: true, sentStart, poss });
    sentStart = false;
  }
  return out;
}

// ASCII answered by character code, the rest by the Unicode classes: most news text is ASCII,
// and these two tests ran once per token.
function isLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(word);
}
