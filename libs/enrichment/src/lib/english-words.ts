import scowl from '../data/english-words.scowl.json';

let words: Set<string> | undefined;

/**
 * Whether a word, lower-cased, is an English word (SCOWL's American English list, about 64,000 lower-case words). Built on
 * first use, so only English copy pays for it.
 */
export function isEnglishWord(word: string): boolean {
  words ??= new Set(scowl.words.split(' '));
  return words.has(word.toLowerCase());
}
