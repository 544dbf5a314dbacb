import type { Gazetteer } from './gazetteer';
import type { Mention } from './entity-mentions';
import { fold, type Token } from './tokens';

/**
 * "dpa", "easyJet", "n-tv": names written with a lower-case first letter,
 * which the capitalised-run scan never sees. A word counts only when it is
 * written as the gazetteer writes it (canonical name) or carries a capital
 * inside it, so the ordinary word a name folds to is never taken.
 */
export function lowercaseOrgMentions(toks: Token[], g: Gazetteer, folded: (i: number) => string = (i) => fold(toks[i].text)): Mention[] {
  const out: Mention[] = [];
  const lowerNamed = lowerNamedKeys(g);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.isWord || t.cap || !startsLower(t.text)) continue;
    const bracketed = toks[i - 1]?.text === '(' && toks[i + 1]?.text === ')';
    const capitalInside = hasCapital(t.text);
    // Most words are ordinary lower-case words: only a name the gazetteer writes in lower case can be one of them, asked of a
    // small set instead of the whole table (one lookup per lower-case word of every text).
    if (!bracketed && !capitalInside && !lowerNamed.has(folded(i))) continue;
    const org = g.orgs.get(folded(i));
    // A news agency's short form in a dateline's brackets, however it is spelled ("Zürich (sda) -", "Köln (sid) -").
    const credit = org?.kind === 'news agency' && bracketed;
    if (org && (org.name === t.text || capitalInside || credit)) out.push({ type: 'organisation', name: org.name, surface: t.text, start: t.start, org });
  }
  return out;
}

/** The keys of the bodies whose canonical name opens in lower case ("dpa", "n-tv"), per gazetteer. */
function lowerNamedKeys(g: Gazetteer): Set<string> {
  let keys = LOWER_NAMED.get(g);
  if (!keys) {
    keys = new Set<string>();
    for (const [key, org] of g.orgs) if (startsLower(org.name)) keys.add(key);
    LOWER_NAMED.set(g, keys);
  }
  return keys;
}
const LOWER_NAMED = new WeakMap<Gazetteer, Set<string>>();

function hasCapital(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (code >= 65 && code <= 90) return true;
    if (code >= 0x80) return /\p{Lu}/u.test(word.slice(k));
  }
  return false;
}

/** An ASCII first letter answered by its code: this test ran once per word of every text. */
function startsLower(word: string): boolean {
  const code = word.charCodeAt(0);
  return code < 0x80 ? code >= 97 && code <= 122 : /^\p{Ll}/u.test(word);
}
