/**
 * Milliseconds per article: this project's full enrichment vs compromise NER
 * alone (people + places + organizations), same articles, same process, one core.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register -P tsconfig.tools.json \
 *     tools/bench/enrichment-bench.ts [libs/enrichment/eval/entities.jsonl]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { enrich } from '@newswire/enrichment';

interface Article {
  headline: string;
  bodyText: string;
}

const file = process.argv[2] ?? join(__dirname, '../../libs/enrichment/eval/entities.jsonl');
const articles: Article[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

function project(a: Article): unknown {
  return enrich({ headline: a.headline, bodyText: a.bodyText });
}

function compromise(a: Article): unknown {
  const doc = nlp(`${a.headline}\n\n${a.bodyText}`);
  return [doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array')];
}

/** Median over rounds of the mean time per article in one pass over the set. */
function measure(run: (a: Article) => unknown, rounds: number): number {
  const perArticle: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (const a of articles) sink += run(a) ? 1 : 0;
    perArticle.push(Number(process.hrtime.bigint() - t0) / 1e6 / articles.length);
  }
  if (sink < 0) console.log(sink);
  perArticle.sort((x, y) => x - y);
  return perArticle[Math.floor(perArticle.length / 2)];
}

const avgChars = Math.round(articles.reduce((n, a) => n + a.headline.length + a.bodyText.length, 0) / articles.length);
// Warm up both (JIT, lazy lexicons) before timing either.
measure(project, 5);
measure(compromise, 2);
const p = measure(project, 25);
const c = measure(compromise, 7);
console.log(`${articles.length} articles, ${avgChars} chars on average; median of rounds`);
console.log(`project (full enrichment): ${p.toFixed(3)} ms/article`);
console.log(`compromise (NER only):     ${c.toFixed(3)} ms/article  (${(c / p).toFixed(1)}x slower)`);
console.log(`enrichment-ms-per-article: project=${p.toFixed(2)} compromise=${c.toFixed(2)}`);
