/**
 * Entity P/R/F1 for this project's extractor and for compromise, side by side.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register -P tsconfig.tools.json \
 *     tools/eval/eval-enrichment.ts [libs/enrichment/eval/entities.jsonl]
 *
 * Matching rule: see libs/enrichment/eval/README.md ("Scoring").
 */
import nlp from 'compromise';
import { enrich } from '@newswire/enrichment';
import { evalAgency } from './eval-agency';
import { evalModern } from './eval-modern';
import { evalMultilingual } from './eval-multilingual';
import { type Article, type Counts, type EntityType, fold, keysOf, type GoldEntity, type Predicted, readArticles, score, TYPES } from './entity-score';

function project(a: Article): Predicted {
  const e = enrich({ headline: a.headline, bodyText: a.bodyText, language: 'en' });
  return { person: e.people.map((x) => x.name), organisation: e.organisations.map((x) => x.name), place: e.places.map((x) => x.name) };
}

function compromise(a: Article): Predicted {
  const doc = nlp(`${a.headline}\n\n${a.bodyText}`);
  const out = (v: { out(f: 'array'): string[] }) => v.out('array');
  return { person: out(doc.people()), organisation: out(doc.organizations()), place: out(doc.places()) };
}

function prf(c: Counts): [number, number, number] {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

function main(): void {
  const articles = readArticles(process.argv[2]);
  const systems = { project, compromise };
  const totals: Record<string, Record<EntityType, Counts>> = {};
  const verbose = process.env.EVAL_VERBOSE === '1';
  for (const [name, run] of Object.entries(systems)) {
    totals[name] = { person: { tp: 0, fp: 0, fn: 0 }, organisation: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 } };
    for (const a of articles) {
      const pred = run(a);
      for (const t of TYPES) {
        const gold = a.entities.filter((e) => e.type === t);
        score(gold, pred[t], totals[name][t]);
        if (verbose && name === 'project') report(a.id, t, gold, pred[t]);
      }
    }
  }
  console.log(`${articles.length} articles, ${articles.reduce((n, a) => n + a.entities.length, 0)} gold entities (unique per article)`);
  console.log('type          system       P     R     F1    (tp/fp/fn)');
  const f1s: Record<string, number> = {};
  for (const name of Object.keys(systems)) {
    const all: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const t of TYPES) {
      const c = totals[name][t];
      all.tp += c.tp;
      all.fp += c.fp;
      all.fn += c.fn;
      const [p, r, f] = prf(c);
      console.log(`${t.padEnd(13)} ${name.padEnd(11)} ${p.toFixed(2)}  ${r.toFixed(2)}  ${f.toFixed(2)}  (${c.tp}/${c.fp}/${c.fn})`);
    }
    const [p, r, f] = prf(all);
    f1s[name] = f;
    console.log(`${'micro'.padEnd(13)} ${name.padEnd(11)} ${p.toFixed(2)}  ${r.toFixed(2)}  ${f.toFixed(2)}  (${all.tp}/${all.fp}/${all.fn})`);
  }
  console.log(`entities-f1: project=${f1s.project.toFixed(2)} compromise=${f1s.compromise.toFixed(2)}`);
  if (process.argv[2]) return;
  evalMultilingual(fold);
  evalAgency(fold);
  evalModern(fold);
}

function report(id: string, type: EntityType, gold: GoldEntity[], predicted: string[]): void {
  const goldKeys = gold.map(keysOf);
  const fps = [...new Set(predicted.map(fold))].filter((p) => p && !goldKeys.some((k) => k.has(p)));
  const fns = gold.filter((g, i) => !predicted.some((p) => goldKeys[i].has(fold(p)))).map((g) => g.name);
  if (fps.length || fns.length) console.log(`  ${id} ${type}: FP [${fps.join(', ')}] FN [${fns.join(', ')}]`);
}

main();
