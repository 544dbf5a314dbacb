/**
 * Texts no newsroom writes but a broken or hostile feed can send, each made to any length: one name or abbreviation
 * over and over, capitalised words without a stop, lines of datelines. Each once took the enrichment time that grew
 * with the square of its length (45 s for 300 KB of "U.S. "); bench:enrichment times them beside real copy of the
 * same length.
 */
const repeated = (unit: string) => (chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

/** Capitalised made-up words, some followed by a comma, from a fixed seed: a run of names with no sentence end. */
function capitalisedWords(chars: number): string {
  let x = 7;
  const next = (n: number) => (x = (x * 1103515245 + 12345) & 0x7fffffff) % n;
  const words: string[] = [];
  for (let length = 0; length < chars; ) {
    const word = String.fromCharCode(65 + next(26)) + Array.from({ length: 2 + next(6) }, () => String.fromCharCode(97 + next(26))).join('') + (next(10) < 3 ? ',' : '');
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ').slice(0, chars);
}

export const HOSTILE_TEXTS: Record<string, (chars: number) => string> = {
  abbreviations: repeated('U.S. '),
  initials: repeated('A. '),
  'one-place': repeated('New York '),
  'one-person': repeated('John Smith, '),
  datelines: repeated('PARIS, Nov 24 (AFP) - '),
  'capitalised-words': capitalisedWords,
  'title-case-line': repeated('The University of '),
  possessives: repeated("Smith's "),
  quotes: repeated('"A '),
};
