import { type Gazetteer, gazetteerFor } from '../gazetteer';
import { boundedMemo } from '../memo';
import { rulesFor } from '../entity-languages';
import { fold } from '../tokens';
import { GAZ_COMMON, GAZ_FIRST_NAME, GAZ_ORG, GAZ_PLACE, GAZ_TITLE, type TokenLexicon } from './features';

/** Distinct words remembered per language before the memo starts again: bounds its memory. */
const MEMO_WORDS = 50_000;

/**
 * The rules' gazetteer and word lists as tagger features (asked of
 * capitalised words only), memoised per word: folding (Unicode NFD) was a
 * third of the tagger's time.
 */
export function lexiconOf(g: Gazetteer, language: string): TokenLexicon {
  const r = rulesFor(language);
  return { flags: boundedMemo(MEMO_WORDS, lookup) };
  function lookup(word: string): number {
    const key = fold(word);
    return (
      (g.places.has(key) ? GAZ_PLACE : 0) |
      (g.orgs.has(key) ? GAZ_ORG : 0) |
      (g.firstNames.has(word) ? GAZ_FIRST_NAME : 0) |
      (g.titles.has(word) || r.titles.has(word) ? GAZ_TITLE : 0) |
      (g.common.has(word) || r.common.has(word) ? GAZ_COMMON : 0)
    );
  }
}

export function lexiconFor(language: string): TokenLexicon {
  return lexiconOf(gazetteerFor(language), language);
}
