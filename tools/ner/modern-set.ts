/**
 * The modern-text check: WikiNEuRal's test split (held out from training,
 * see sources.ts) cut into pseudo-documents of DOC_SENTENCES sentences,
 * words joined by spaces. Its first half ("choose") may be used to pick the
 * blend mode; the second half ("report") is only ever printed by the eval.
 */
import { spansOf, type TaggedSpan } from '@newswire/enrichment';
import type { CorpusDoc } from '../eval/build-multilingual-set';
import { parseConllu, readSource, sentencesOf, type Sentence, type Source } from './conllu';
import { GERMEVAL, GERMEVAL_TRAIN, heldOutSource, PUD_NEWS } from './sources';

const DOC_SENTENCES = 10;

const halfCut = (s: Sentence[]) => Math.floor(s.length / 2 / DOC_SENTENCES) * DOC_SENTENCES;

/** The sentences blend modes and training settings may be chosen on. */
export function chooseHalf(sentences: Sentence[]): Sentence[] {
  return sentences.slice(0, halfCut(sentences));
}

export function modernDocs(language: string, half: 'choose' | 'report'): CorpusDoc[] {
  const source = heldOutSource(language);
  const sentences = sentencesOf(source);
  return docsOf(half === 'choose' ? chooseHalf(sentences) : sentences.slice(halfCut(sentences)), language, source, half);
}

/** Gold sentences as pseudo-documents of DOC_SENTENCES sentences, words joined by spaces (or spaced as written: `spaceAfter`). */
export function docsOf(part: Sentence[], language: string, source: Source, half: 'choose' | 'report'): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  for (let i = 0; i < part.length; i += DOC_SENTENCES) {
    let text = '';
    const mentions: CorpusDoc['mentions'] = [];
    for (const s of part.slice(i, i + DOC_SENTENCES)) {
      const starts = s.words.map((w, k) => {
        if (text && (k === 0 || (s.spaceAfter?.[k - 1] ?? true))) text += ' ';
        text += w;
        return text.length - w.length;
      });
      const spans: TaggedSpan[] = [];
      spansOf(s.labels, s.words.length, 0, spans);
      for (const sp of spans) {
        const start = starts[sp.from];
        const end = starts[sp.to - 1] + s.words[sp.to - 1].length;
        mentions.push({ type: sp.type, start, end, text: text.slice(start, end) });
      }
    }
    docs.push({
      id: `${language}:${source.repo}:${source.path}:${half}-${i / DOC_SENTENCES}`,
      language,
      outlet: source.repo,
      licence: source.licence,
      origin: source,
      split: half === 'choose' ? 'dev' : 'test',
      text,
      mentions,
    });
  }
  return docs;
}

/**
 * German news: the GermEval 2014 sentences not trained on (from GERMEVAL_TRAIN on) whose source is a
 * news site, not Wikipedia; the first half of those sentences may choose, the second is only reported.
 */
export function germanNewsDocs(half: 'choose' | 'report'): CorpusDoc[] {
  const blocks = readSource(GERMEVAL).split(/\n\s*\n/).filter((b) => b.trim());
  const news = halfOf(blocks.slice(GERMEVAL_TRAIN), half).filter((b) => !/wikipedia\.org/.test(b.split('\n')[0])).flatMap((b) => parseConllu(b, false, GERMEVAL.tagColumn));
  return docsOf(news, 'de', GERMEVAL, half);
}

/**
 * The news sentences of Universal NER's Parallel UD file for the language (PUD_NEWS), in file
 * order; the first half of them may choose, the second is only reported.
 */
export function pudNewsDocs(language: string, half: 'choose' | 'report'): CorpusDoc[] {
  const source = PUD_NEWS[language];
  if (!source) return [];
  const blocks = readSource(source).split(/\n\s*\n/).filter((b) => /^# sent_id = n/m.test(b));
  return docsOf(halfOf(blocks, half).flatMap((b) => parseConllu(b, false, source.tagColumn)), language, source, half);
}

/** The first ("choose") or second ("report") half of a file's sentence blocks, in file order. */
function halfOf<T>(blocks: T[], half: 'choose' | 'report'): T[] {
  const cut = Math.floor(blocks.length / 2);
  return half === 'choose' ? blocks.slice(0, cut) : blocks.slice(cut);
}
