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
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.isWord || t.cap || !startsLower(t.text)) continue;
    const org = g.orgs.get(folded(i));
    // A news agency's short form in a dateline's brackets, however it is spelled ("Zürich (sda) -", "Köln (sid) -").
    const credit = org?.kind === 'news agency' && toks[i - 1]?.text === '(' && toks[i + 1]?.text === ')';
    if (org && (org.name === t.text || /\p{Lu}/u.test(t.text) || credit)) out.push({ type: 'organisation', name: org.name, surface: t.text, start: t.start, org });
  }
  return out;
}

/** An ASCII first letter answered by its code: this test ran once per word of every text. */
function startsLower(word: string): boolean {
  const code = word.charCodeAt(0);
  return code < 0x80 ? code >= 97 && code <= 122 : /^\p{Ll}/u.test(word);
}
