import germanNouns from '../data/common-nouns.de.json';

/*
 * Common nouns of languages that capitalise every noun, where a capital letter does not mark a
 * name. German only: common-nouns.de.json (tools/enrichment/build-common-nouns.py; Wiktionary nouns
 * that are not also proper nouns, frequent in news; CC BY-SA 4.0). Built on first use: 17,000
 * strings are about 1 MB of heap a process that never enriches German does not need.
 */
const SOURCES: Record<string, { words: string[] }> = { de: germanNouns };
const built = new Map<string, ReadonlySet<string>>();

export function commonNounsFor(language: string): ReadonlySet<string> | undefined {
  const source = SOURCES[language];
  if (!source) return undefined;
  let set = built.get(language);
  if (!set) built.set(language, (set = new Set(source.words)));
  return set;
}
