/**
 * German writes a name's adjectives and its last noun in the case the sentence needs: "die Europäische
 * Union" is "der Europäischen Union", "das Statistische Bundesamt" "des Statistischen Bundesamtes",
 * "die Vereinte Nationen" nearly always "den Vereinten Nationen". The gazetteer holds one form, so these
 * are the others of a folded key: each adjective before the last word (-e, -es, -er) in its weak forms
 * (-en: dative, genitive, plural; -e: after "der", "die", "das"; -em: dative without an article), and,
 * for a body of several words or a name with such an adjective, the last word's genitive -s / -es after
 * the -en form.
 * The caller adds a form only where no other name claims it.
 */
const ADJECTIVE = /^(\p{L}{3,}?)(?:e|es|er)$/u;
/** Genitive -s is not added after a sibilant: "Haus" takes -es only. */
const SIBILANT = /(?:s|ß|x|z)$/u;

export function germanCaseForms(key: string, body: boolean): string[] {
  const words = key.split(' ');
  const last = words.length - 1;
  const stems = words.map((w, i) => (i < last ? ADJECTIVE.exec(w)?.[1] : undefined));
  const adjectives = stems.some((s) => s !== undefined);
  if (!adjectives && !body) return [];
  const lastWord = words[last];
  // A short acronym-like or numbered last word ("g7", "bbc") has no case ending; a one-word name's genitive
  // ("Microsofts Chef") is read by the extractor, which keeps the owner's name without its ending.
  const genitives = last === 0 || lastWord.length < 4 || /\d/.test(lastWord) ? [] : SIBILANT.test(lastWord) ? [`${lastWord}es`] : [`${lastWord}s`, `${lastWord}es`];
  const head = (ending: string) => words.slice(0, last).map((w, i) => (stems[i] === undefined ? w : stems[i] + ending));
  const out = new Set<string>();
  for (const tail of [lastWord, ...genitives]) out.add([...head('en'), tail].join(' '));
  if (adjectives) {
    out.add([...head('e'), lastWord].join(' '));
    // Without an article the dative is strong: "laut Deutschem Wetterdienst".
    out.add([...head('em'), lastWord].join(' '));
  }
  out.delete(key);
  return [...out];
}
