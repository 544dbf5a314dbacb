import type { Gazetteer } from './gazetteer';
import type { Mention } from './entity-mentions';
import { fold, type Token } from './tokens';

/**
 * "dpa", "easyJet", "n-tv": names written with a lower-case first letter,
 * which the capitalised-run scan never sees. A word counts only when it is
 * written as the gazetteer writes it (canonical name) or carries a capital
 * inside it, so the ordinary word a name folds to is never taken.
 */
export function lowercaseOrgMentions(toks: Token[], g: Gazetteer): Mention[] {
  const out: Mention[] = [];
  for (const t of toks) {
    if (!t.isWord || t.cap || !/^\p{Ll}/u.test(t.text)) continue;
    const org = g.orgs.get(fold(t.text));
    if (org && (org.name === t.text || /\p{Lu}/u.test(t.text))) out.push({ type: 'organisation', name: org.name, surface: t.text, start: t.start, org });
  }
  return out;
}
