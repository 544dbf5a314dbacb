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
import { LABELS, spansOf, type TaggedSpan } from '@newswire/enrichment';
import type { CorpusDoc } from '../build-multilingual-set';
import { readSource } from '../../ner/conllu';
import { PUD_NEWS_DIR, wordsHash } from './project';
import { PUD_TREEBANKS, type PudSentence, surfaceSentences } from './treebank';

const DOC_SENTENCES = 10;

export const PROJECTED_PUD_LANGUAGES = Object.keys(PUD_TREEBANKS);

export function projectedPudDocs(language: string, half: 'choose' | 'report'): CorpusDoc[] {
  const source = PUD_TREEBANKS[language];
  const treebank = new Map(surfaceSentences(readSource(source)).map((s) => [s.sentId, s]));
  const labelled = readFileSync(join(PUD_NEWS_DIR, `${language}.tags.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { sent_id: string; sha256: string; tags: string });
  const sentences = labelled.map((r) => {
    const s = treebank.get(r.sent_id);
    if (!s || wordsHash(s.words) !== r.sha256) throw new Error(`${language}.tags.jsonl: ${r.sent_id} is not the sentence that was labelled (${source.repo} at ${source.commit})`);
    const tags = r.tags.split(' ');
    if (tags.length !== s.words.length) throw new Error(`${language}.tags.jsonl: ${r.sent_id} has ${tags.length} tags for ${s.words.length} words`);
    return { s, labels: Uint8Array.from(tags.map((t) => (LABELS as readonly string[]).indexOf(t))) };
  });
  const cut = Math.floor(sentences.length / 2);
  const part = half === 'choose' ? sentences.slice(0, cut) : sentences.slice(cut);
  const docs: CorpusDoc[] = [];
  for (let i = 0; i < part.length; i += DOC_SENTENCES) {
    let text = '';
    const mentions: CorpusDoc['mentions'] = [];
    for (const { s, labels } of part.slice(i, i + DOC_SENTENCES)) {
      if (text) text += ' ';
      const starts = written(s, (w) => {
        const at = text.length;
        text += w;
        return at;
      }, () => (text += ' '));
      const spans: TaggedSpan[] = [];
      spansOf(labels, s.words.length, 0, spans);
      for (const sp of spans) {
        const start = starts[sp.from];
        const end = starts[sp.to - 1] + s.words[sp.to - 1].length;
        mentions.push({ type: sp.type, start, end, text: text.slice(start, end) });
      }
    }
    docs.push({ id: `${language}:${source.repo}:${source.path}:${half}-${i / DOC_SENTENCES}`, language, outlet: source.repo, licence: source.licence, origin: source, split: half === 'choose' ? 'dev' : 'test', text, mentions });
  }
  return docs;
}

/** Writes a sentence's words with the spacing it was written with; returns where each word starts. */
function written(s: PudSentence, word: (w: string) => number, space: () => void): number[] {
  return s.words.map((w, k) => {
    const at = word(w);
    if (s.spaceAfter[k] && k < s.words.length - 1) space();
    return at;
  });
}
