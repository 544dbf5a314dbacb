/**
 * Drafts PER/ORG/LOC labels for the news sentences of a Parallel UD
 * treebank that Universal NER has not labelled (French, Spanish), from
 * Universal NER's labels of the same sentences in English: each English
 * name is looked for in the translation as written. What it cannot place
 * ("Chine" for "China"), and every proper noun
 * of the translation left outside a name, is listed for a person to decide;
 * the decisions a person wrote for them are in
 * libs/enrichment/eval/pud-news/<language>.decisions.txt (one sentence a
 * line: `sent_id|+TYPE words|-words`, "+" tags every untagged run of those
 * words, "-" untags a run), and the labels file beside it is the draft with
 * those decisions applied (see its README).
 *
 *   npx ts-node -P tsconfig.tools.json tools/eval/pud/project.ts fr [--review] > libs/enrichment/eval/pud-news/fr.tags.jsonl
 *
 * With --review the open questions go to stderr, before the decisions are applied.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSource } from '../../ner/conllu';
import { PUD_NEWS } from '../../ner/sources';
import { englishNames, PUD_NEWS_DIR, PUD_TREEBANKS, surfaceSentences, type PudSentence, wordsHash } from './treebank';

type Decision = { add: boolean; type?: string; words: string };

function readDecisions(language: string): Map<string, Decision[]> {
  const out = new Map<string, Decision[]>();
  for (const line of readFileSync(join(PUD_NEWS_DIR, `${language}.decisions.txt`), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [sentId, ...items] = line.split('|');
    out.set(
      sentId,
      items.map((item) => {
        const m = item.match(/^([+-])(?:(PER|ORG|LOC) )?(.+)$/);
        if (!m || (m[1] === '+' && !m[2])) throw new Error(`${language}.decisions.txt: cannot read "${item}" (${sentId})`);
        return { add: m[1] === '+', type: m[2], words: m[3] };
      }),
    );
  }
  return out;
}

function project(language: string, review: boolean): void {
  const decisions = readDecisions(language);
  const english = englishNames(readSource(PUD_NEWS.en));
  const translations = surfaceSentences(readSource(PUD_TREEBANKS[language])).filter((s) => s.sentId.startsWith('n'));
  let placed = 0;
  let open = 0;
  for (const s of translations) {
    const names = english.get(normalise(s.textEn));
    const tags = s.words.map(() => 'O');
    const notes: string[] = [];
    if (!names) notes.push('NO ENGLISH MATCH');
    for (const name of names ?? []) {
      const at = find(s, tags, name.surface);
      if (at === undefined) {
        notes.push(`unplaced ${name.type} "${name.surface}"`);
        open++;
        continue;
      }
      placed++;
      const words = at[1];
      for (let k = 0; k < words; k++) tags[at[0] + k] = (k ? 'I-' : 'B-') + name.type;
    }
    s.words.forEach((w, i) => {
      if (tags[i] === 'O' && s.proper[i]) notes.push(`proper noun outside a name: "${w}" (${i})`);
    });
    if (review && notes.length) process.stderr.write(`${s.sentId} ${s.words.map((w, i) => `${w}/${i}${tags[i] === 'O' ? '' : ':' + tags[i]}`).join(' ')}\n  EN: ${s.textEn}\n  ${notes.join('\n  ')}\n`);
    for (const d of decisions.get(s.sentId) ?? []) apply(s, tags, d, language);
    decisions.delete(s.sentId);
    process.stdout.write(JSON.stringify({ sent_id: s.sentId, sha256: wordsHash(s.words), tags: tags.join(' ') }) + '\n');
  }
  if (decisions.size) throw new Error(`${language}.decisions.txt names sentences that are not news sentences of the treebank: ${[...decisions.keys()].join(', ')}`);
  process.stderr.write(`${language}: ${translations.length} news sentences, ${placed} names placed from English, ${open} left to a person\n`);
}

function apply(s: PudSentence, tags: string[], d: Decision, language: string): void {
  const fail = () => new Error(`${language}.decisions.txt: "${d.words}" is not ${d.add ? 'an untagged run' : 'a tagged run'} of ${s.sentId}`);
  if (!d.add) {
    const at = findTagged(s, tags, d.words);
    if (!at) throw fail();
    for (let k = 0; k < at[1]; k++) tags[at[0] + k] = 'O';
    return;
  }
  let hits = 0;
  for (let at = find(s, tags, d.words); at; at = find(s, tags, d.words), hits++) {
    for (let k = 0; k < at[1]; k++) tags[at[0] + k] = (k ? 'I-' : 'B-') + d.type;
  }
  if (!hits) throw fail();
}

/** A run of words reading `surface` that is exactly one tagged name. */
function findTagged(s: PudSentence, tags: string[], surface: string): [number, number] | undefined {
  const target = surface.replace(/\s+/g, '');
  for (let i = 0; i < s.words.length; i++) {
    if (!tags[i].startsWith('B-')) continue;
    let j = i + 1;
    while (j < s.words.length && tags[j].startsWith('I-')) j++;
    if (s.words.slice(i, j).join('') === target) return [i, j - i];
  }
  return undefined;
}

const normalise = (t: string) => t.replace(/\s+/g, ' ').trim();

/** The first run of words reading `surface` (words joined by single spaces, or glued) not yet tagged. */
function find(s: PudSentence, tags: string[], surface: string): [number, number] | undefined {
  const target = surface.replace(/\s+/g, '');
  for (let i = 0; i < s.words.length; i++) {
    let joined = '';
    for (let j = i; j < s.words.length && joined.length < target.length; j++) {
      if (tags[j] !== 'O') break;
      joined += s.words[j];
      if (joined === target) return [i, j - i + 1];
    }
  }
  return undefined;
}

if (require.main === module) project(process.argv[2] ?? 'fr', process.argv.includes('--review'));
