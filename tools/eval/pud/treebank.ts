/**
 * Reading the Parallel UD treebanks for the projected news labels: the
 * surface words of each sentence (a contraction such as French "du" or
 * Spanish "del" is one word, as written, not its syntactic parts), whether
 * each is a proper noun, and the English original the translation was made
 * from; and Universal NER's English names per sentence.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Source } from '../../ner/conllu';

/** The hand-checked labels and the decisions they were made from. */
export const PUD_NEWS_DIR = join(__dirname, '../../../libs/enrichment/eval/pud-news');

/** sha256 of a sentence's words joined by single spaces: the labels file is refused if the treebank's words differ. */
export const wordsHash = (words: string[]) => createHash('sha256').update(words.join(' ')).digest('hex');

export const PUD_TREEBANKS: Record<string, Source> = {
  fr: { repo: 'UniversalDependencies/UD_French-PUD', commit: 'c245786cfb3020d43bcfc96215ae531a1b07bcbc', path: 'fr_pud-ud-test.conllu', licence: 'CC BY-SA 3.0 (Universal Dependencies, Parallel UD)' },
  es: { repo: 'UniversalDependencies/UD_Spanish-PUD', commit: '818a82b8628c9cbec78750c7e83ccba34b9ce22b', path: 'es_pud-ud-test.conllu', licence: 'CC BY-SA 3.0 (Universal Dependencies, Parallel UD)' },
};

export interface PudSentence {
  sentId: string;
  text: string;
  textEn: string;
  words: string[];
  proper: boolean[];
  /** Whether the text has a space after the word (UD's SpaceAfter=No): "l'Italie", "Obama," as written. */
  spaceAfter: boolean[];
}

export function surfaceSentences(conllu: string): PudSentence[] {
  const out: PudSentence[] = [];
  for (const block of conllu.split(/\n\s*\n/)) {
    const meta = (key: string) => block.match(new RegExp(`^# ${key} = (.*)$`, 'm'))?.[1] ?? '';
    const sentId = meta('sent_id');
    if (!sentId) continue;
    const s: PudSentence = { sentId, text: meta('text'), textEn: meta('text_en'), words: [], proper: [], spaceAfter: [] };
    let skipTo = 0;
    for (const line of block.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const cols = line.split('\t');
      const range = cols[0].match(/^(\d+)-(\d+)$/);
      if (range) {
        s.words.push(cols[1]);
        s.proper.push(false);
        s.spaceAfter.push(!/SpaceAfter=No/.test(cols[9] ?? ''));
        skipTo = Number(range[2]);
        continue;
      }
      if (cols[0].includes('.')) continue; // empty nodes
      const id = Number(cols[0]);
      if (id <= skipTo) {
        if (cols[3] === 'PROPN') s.proper[s.proper.length - 1] = true;
        continue;
      }
      s.words.push(cols[1]);
      s.proper.push(cols[3] === 'PROPN' || /Proper=True/.test(cols[9] ?? ''));
      s.spaceAfter.push(!/SpaceAfter=No/.test(cols[9] ?? ''));
    }
    out.push(s);
  }
  return out;
}

export interface EnglishName {
  type: 'PER' | 'ORG' | 'LOC';
  surface: string;
}

/** Universal NER's English-PUD names, keyed by the sentence text. */
export function englishNames(iob2: string): Map<string, EnglishName[]> {
  const out = new Map<string, EnglishName[]>();
  for (const block of iob2.split(/\n\s*\n/)) {
    const text = block.match(/^# text = (.*)$/m)?.[1];
    if (!text) continue;
    const names: EnglishName[] = [];
    let current: { type: EnglishName['type']; words: string[] } | undefined;
    const close = () => {
      if (current) names.push({ type: current.type, surface: current.words.join(' ') });
      current = undefined;
    };
    for (const line of block.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [, word, tag] = line.split('\t');
      const m = tag?.match(/^([BI])-(PER|ORG|LOC)$/);
      if (!m || m[1] === 'B') close();
      if (m && m[1] === 'B') current = { type: m[2] as EnglishName['type'], words: [word] };
      else if (m && current) current.words.push(word);
    }
    close();
    out.set(text.replace(/\s+/g, ' ').trim(), names);
  }
  return out;
}
