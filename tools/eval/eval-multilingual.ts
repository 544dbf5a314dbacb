/**
 * Per-language entity scores on the multilingual corpus (real newspaper and
 * wire text, see libs/enrichment/eval/multilingual/README.md), dev and test
 * reported apart. Called by eval-enrichment.ts after the English set.
 *
 * Scoring: per document and type, the unique folded gold surfaces against the
 * unique folded surface forms a system returned. A gold surface found is a
 * true positive, a returned surface not in gold a false positive.
 * EVAL_VERBOSE=1 lists errors on DEV documents only: the test split is never
 * looked at while tuning.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import nlp from 'compromise';
import { ENTITY_LANGUAGES, enrich, extractEntityMentions, gazetteerFor } from '@newswire/enrichment';
import { buildCorpus, CORPUS_FILE, type CorpusDoc, type MentionType } from './build-multilingual-set';

const TYPES: MentionType[] = ['person', 'organisation', 'place'];
type Counts = { tp: number; fp: number; fn: number };
export type Surfaces = Record<MentionType, string[]>;

/**
 * A document either scorer reads. With `headline`, `text` is `headline + "\n\n" + body` (the enricher's own
 * text) and the project gets headline and body apart, as in the pipeline; without it, `text` is all body.
 */
export type ScoredDoc = Pick<CorpusDoc, 'id' | 'language' | 'split' | 'text' | 'mentions'> & { headline?: string };

/** Same normalisation as the English set: accents, case, punctuation and leading titles go. */
export type Fold = (s: string) => string;

// The corpora put titles inside person spans ("M. Désiré Ferry"); like the English scorer, titles are stripped from both sides.
const TITLES = /^(?:(?:m|mme|mlle|me|mgr|monsieur|madame|general|president|sr|sra|don|dona|senor|senora|herr|herrn|frau|dr|prof|hr|fru|kung|konung|le|la|el|der|die|das)\s+)+/;
export const foldWith = (fold: Fold) => (s: string) => fold(s).replace(TITLES, '');

const bodyStartOf = (d: ScoredDoc) => (d.headline === undefined ? undefined : d.headline.length + 2);

function project(d: ScoredDoc): Surfaces {
  const start = bodyStartOf(d);
  const e = enrich(start === undefined ? { headline: '', bodyText: d.text, language: d.language } : { headline: d.headline ?? '', bodyText: d.text.slice(start), language: d.language });
  // Gold holds what the text says, so only surface forms count (the canonical name may be English: "Germany" for "Deutschland").
  const forms = (list: { surfaceForms: string[] }[]) => list.flatMap((x) => x.surfaceForms);
  return { person: forms(e.people), organisation: forms(e.organisations), place: forms(e.places) };
}

export function compromise(d: ScoredDoc): Surfaces {
  const doc = nlp(d.text);
  const out = (v: { out(f: 'array'): string[] }) => v.out('array');
  return { person: out(doc.people()), organisation: out(doc.organizations()), place: out(doc.places()) };
}

type Span = `${MentionType}:${number}:${number}`;

/** Mention level: the project's offsets, exact span and type; none in a language enrich() gives no entities for (it would fall back to English rules here only). */
function projectSpans(d: ScoredDoc): Set<Span> {
  if (!ENTITY_LANGUAGES.has(d.language.split('-')[0].toLowerCase())) return new Set();
  return new Set(extractEntityMentions(d.text, { language: d.language, gazetteer: gazetteerFor(d.language), bodyStart: bodyStartOf(d) }).map((m) => `${m.type}:${m.start}:${m.end}` as Span));
}

/** compromise's offsets include trailing punctuation ("Berlin."): trimmed. */
function compromiseSpans(d: ScoredDoc): Set<Span> {
  const doc = nlp(d.text);
  const out = new Set<Span>();
  type View = { json(o: { offset: true }): unknown };
  const views: [MentionType, View][] = [['person', doc.people()], ['organisation', doc.organizations()], ['place', doc.places()]];
  for (const [type, view] of views) {
    for (const m of view.json({ offset: true }) as { offset: { start: number; length: number } }[]) {
      let end = m.offset.start + m.offset.length;
      while (end > m.offset.start && !/[\p{L}\p{N}]/u.test(d.text[end - 1])) end--;
      out.add(`${type}:${m.offset.start}:${end}`);
    }
  }
  return out;
}

export function loadCorpus(): CorpusDoc[] | undefined {
  if (!existsSync(CORPUS_FILE)) {
    try {
      const built = buildCorpus();
      writeFileSync(CORPUS_FILE, built.map((d) => JSON.stringify(d)).join('\n') + '\n');
    } catch (e) {
      console.log(`multilingual corpus unavailable (${(e as Error).message.split('\n')[0]}): see libs/enrichment/eval/multilingual/README.md`);
      return undefined;
    }
  }
  return readFileSync(CORPUS_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** Per type, unique folded gold surfaces against unique folded returned surfaces, summed over documents. */
export function countEntities<D extends ScoredDoc>(docs: D[], run: (d: D) => Surfaces, fold: Fold, onErrors?: (id: string, t: MentionType, fps: string[], fns: string[]) => void): Record<MentionType, Counts> {
  const by: Record<MentionType, Counts> = { person: { tp: 0, fp: 0, fn: 0 }, organisation: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 } };
  for (const d of docs) {
    const pred = run(d);
    for (const t of TYPES) {
      const gold = new Set(d.mentions.filter((m) => m.type === t).map((m) => fold(m.text)).filter(Boolean));
      const got = new Set(pred[t].map(fold).filter(Boolean));
      const tp = [...gold].filter((g) => got.has(g)).length;
      by[t].tp += tp;
      by[t].fn += gold.size - tp;
      by[t].fp += [...got].filter((g) => !gold.has(g)).length;
      if (onErrors) {
        const fps = [...got].filter((g) => !gold.has(g));
        const fns = [...gold].filter((g) => !got.has(g));
        if (fps.length || fns.length) onErrors(d.id, t, fps, fns);
      }
    }
  }
  return by;
}

const NO_COUNTS = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
/** The three types' counts together (micro). */
const totalOf = (by: Record<MentionType, Counts>): Counts => TYPES.reduce((a, t) => add(a, by[t]), NO_COUNTS());

export const microF1 = (by: Record<MentionType, Counts>): number => prf(totalOf(by))[2];

const prf = (c: Counts): [number, number, number] => {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
};

export function evalMultilingual(baseFold: Fold): void {
  const corpus = loadCorpus();
  if (!corpus) return;
  const languages = [...new Set(corpus.map((d) => d.language))];
  console.log(`\nmultilingual corpus: ${corpus.length} documents (${languages.join(', ')}), mention surfaces unique per document`);
  scoreByLanguage(corpus, baseFold);
}


/**
 * Prints, per split and language, entity-level P/R/F1 per type and micro (unique folded surfaces per document)
 * and mention-level micro (exact span and type) for the project and compromise. Returns the entity-level
 * micro F1 of each system over all languages of each split. EVAL_VERBOSE=1 lists the project's errors on dev
 * documents only.
 */
export function scoreByLanguage(docsIn: ScoredDoc[], baseFold: Fold): Record<'dev' | 'test', { project: number; compromise: number }> {
  const fold = foldWith(baseFold);
  const verbose = process.env.EVAL_VERBOSE === '1';
  const systems = { project, compromise };
  const languages = [...new Set(docsIn.map((d) => d.language))];
  const overall = { dev: { project: 0, compromise: 0 }, test: { project: 0, compromise: 0 } };
  for (const split of ['dev', 'test'] as const) {
    const splitTotals: Record<string, Counts> = { project: NO_COUNTS(), compromise: NO_COUNTS() };
    for (const language of languages) {
      const docs = docsIn.filter((d) => d.split === split && d.language === language);
      if (!docs.length) continue;
      const f1: Record<string, number> = {};
      const lines: string[] = [];
      for (const [name, run] of Object.entries(systems)) {
        const by = countEntities(docs, run, fold, verbose && split === 'dev' && name === 'project' ? (id, t, fps, fns) => console.log(`  ${id} ${t}: FP [${fps.join(', ')}] FN [${fns.join(', ')}]`) : undefined);
        const all = totalOf(by);
        splitTotals[name] = add(splitTotals[name], all);
        f1[name] = prf(all)[2];
        lines.push(
          `  ${name.padEnd(10)} ` +
            TYPES.map((t) => {
              const [p, r, f] = prf(by[t]);
              return `${t.slice(0, 3)} P=${p.toFixed(2)} R=${r.toFixed(2)} F1=${f.toFixed(2)}`;
            }).join('  '),
        );
      }
      // Three places: a target such as 0.88 must not read as met at 0.8775.
      console.log(`[${split} ${language}] ${docs.length} docs  entities-f1: project=${f1.project.toFixed(3)} compromise=${f1.compromise.toFixed(3)}`);
      for (const l of lines) console.log(l);
      const spans = { project: projectSpans, compromise: compromiseSpans };
      const exact = Object.entries(spans).map(([name, run]) => {
        const c: Counts = NO_COUNTS();
        for (const d of docs) {
          const gold = new Set(d.mentions.map((m) => `${m.type}:${m.start}:${m.end}`));
          const got = run(d);
          const tp = [...got].filter((g) => gold.has(g)).length;
          c.tp += tp;
          c.fp += got.size - tp;
          c.fn += gold.size - tp;
        }
        const [p, r, f] = prf(c);
        return `${name} P=${p.toFixed(2)} R=${r.toFixed(2)} F1=${f.toFixed(2)}`;
      });
      console.log(`  mentions (exact span and type): ${exact.join('  ')}`);
    }
    overall[split] = { project: prf(splitTotals.project)[2], compromise: prf(splitTotals.compromise)[2] };
  }
  return overall;
}
