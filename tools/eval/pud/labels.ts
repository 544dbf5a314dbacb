/**
 * The hand-checked French and Spanish news labels (libs/enrichment/eval/pud-news) over the words of
 * their Parallel UD treebanks, as pseudo-documents like the other news checks (modern-set.ts): the
 * first half of the 500 news sentences may choose, the second half ("report", the frozen test
 * split) is only ever printed. Unlike those, the text keeps the treebank's spacing ("l'Italie",
 * "Obama,", as the sentence was written), not words joined by spaces. Refuses a treebank whose
 * words differ from the ones labelled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS } from '@newswire/enrichment';
import type { CorpusDoc } from '../build-multilingual-set';
import { readSource, type Sentence } from '../../ner/conllu';
import { docsOf } from '../../ner/modern-set';
import { PUD_NEWS_DIR, PUD_TREEBANKS, surfaceSentences, wordsHash } from './treebank';

export const PROJECTED_PUD_LANGUAGES = Object.keys(PUD_TREEBANKS);

export function projectedPudDocs(language: string, half: 'choose' | 'report'): CorpusDoc[] {
  const source = PUD_TREEBANKS[language];
  const treebank = new Map(surfaceSentences(readSource(source)).map((s) => [s.sentId, s]));
  const labelled = readFileSync(join(PUD_NEWS_DIR, `${language}.tags.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { sent_id: string; sha256: string; tags: string });
  const sentences: Sentence[] = labelled.map((r) => {
    const s = treebank.get(r.sent_id);
    if (!s || wordsHash(s.words) !== r.sha256) throw new Error(`${language}.tags.jsonl: ${r.sent_id} is not the sentence that was labelled (${source.repo} at ${source.commit})`);
    const tags = r.tags.split(' ');
    if (tags.length !== s.words.length) throw new Error(`${language}.tags.jsonl: ${r.sent_id} has ${tags.length} tags for ${s.words.length} words`);
    return { words: s.words, labels: Uint8Array.from(tags.map((t) => (LABELS as readonly string[]).indexOf(t))), spaceAfter: s.spaceAfter };
  });
  const cut = Math.floor(sentences.length / 2);
  return docsOf(half === 'choose' ? sentences.slice(0, cut) : sentences.slice(cut), language, source, half);
}
