import germanNouns from '../data/common-nouns.de.json';

/*
 * Common nouns of languages that capitalise every noun, where a capital letter does not mark a
 * name. German only: common-nouns.de.json (tools/enrichment/build-common-nouns.py; Wiktionary nouns
 * that are not also proper nouns, frequent in news; CC BY-SA 4.0). Built on first use: 17,000
 * strings are about 1 MB of heap a process that never enriches German does not need.
 */
const SOURCES: Record<string, { words: string[]; alsoPlaceNames?: string[] }> = { de: germanNouns };
const built = new Map<string, ReadonlySet<string>>();
const builtPlaceNouns = new Map<string, ReadonlySet<string>>();

export function commonNounsFor(language: string): ReadonlySet<string> | undefined {
  const source = SOURCES[language];
  if (!source) return undefined;
  let set = built.get(language);
  if (!set) built.set(language, (set = new Set(source.words)));
  return set;
}

/**
 * Frequent nouns that are also the name of a place ("Zug", "Essen", "Halle", "Hof"), which the list above leaves
 * out: after an article they are the noun ("in dem Zug"), alone the town ("in Zug").
 */
export function nounsNamingPlacesFor(language: string): ReadonlySet<string> | undefined {
  const words = SOURCES[language]?.alsoPlaceNames;
  if (!words) return undefined;
  let set = builtPlaceNouns.get(language);
  if (!set) builtPlaceNouns.set(language, (set = new Set(words)));
  return set;
}
