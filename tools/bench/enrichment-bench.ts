/**
 * Milliseconds per article: this project's full enrichment vs compromise NER
 * alone (people + places + organizations), same articles, same process, one core.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register -P tsconfig.tools.json \
 *     tools/bench/enrichment-bench.ts [libs/enrichment/eval/entities.jsonl]
 *
 * Then the same on 200 articles of wire-story size (3-5 KB, bench:pipeline's corpus): the evaluation
 * set's articles average about 1.2 KB, and the cost grows with the text. That corpus is English (the
 * fixtures are); French, Spanish and German cost more (the statistical tagger runs over the whole text
 * there), so they are timed too, on 3-5 KB texts of WikiNEuRal's Wikipedia sentences (denser in names than
 * news) with their language tag as a feed sends it, where the corpus mirror is at hand (ENTITY_CORPUS_MIRROR, as
 * eval:enrichment). Last, texts of 256 KB a broken or hostile feed can send (hostile-texts.ts), in English and German,
 * beside real copy of that length: `enrichment-ms-256kb: copy-en=N copy-de=N hostile-worst=N (kind)`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { enrich } from '@newswire/enrichment';
import { wireSizeArticles } from './pipeline/corpus';
import { sentencePool } from '../faults/harness/stories';
import { modernDocs } from '../ner/modern-set';
import { memoryProbeNs } from './box-probe';
import { HOSTILE_TEXTS } from './hostile-texts';

interface Article {
  headline: string;
  bodyText: string;
  language?: string;
}

const file = process.argv[2] ?? join(__dirname, '../../libs/enrichment/eval/entities.jsonl');
const evalArticles: Article[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

function project(a: Article): unknown {
  return enrich({ headline: a.headline, bodyText: a.bodyText, ...(a.language ? { language: a.language } : {}) });
}

function compromise(a: Article): unknown {
  const doc = nlp(`${a.headline}\n\n${a.bodyText}`);
  return [doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array')];
}

/** Median over rounds of the mean time per article in one pass over the set. */
function measure(articles: readonly Article[], run: (a: Article) => unknown, rounds: number): number {
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

function compare(label: string, articles: readonly Article[], rounds: { project: number; compromise: number }): { p: number; c: number } {
  const avgChars = Math.round(articles.reduce((n, a) => n + a.headline.length + a.bodyText.length, 0) / articles.length);
  // Warm up both (JIT, lazy lexicons) before timing either.
  measure(articles, project, 3);
  measure(articles, compromise, 1);
  const p = measure(articles, project, rounds.project);
  const c = measure(articles, compromise, rounds.compromise);
  console.log(`${label}: ${articles.length} articles, ${avgChars} chars on average; median of rounds`);
  console.log(`  project (full enrichment): ${p.toFixed(3)} ms/article`);
  console.log(`  compromise (NER only):     ${c.toFixed(3)} ms/article  (${(c / p).toFixed(1)}x slower)`);
  return { p, c };
}

// The box's memory speed before and after (see box-probe.ts): the figures below move with it on a shared host.
const memoryBefore = memoryProbeNs();
const short = compare('evaluation set', evalArticles, { project: 25, compromise: 7 });
const wireSize: Article[] = wireSizeArticles(sentencePool(), 200, 3);
const long = compare('wire-story size (3-5 KB)', wireSize, { project: 9, compromise: 3 });
const byLanguage: string[] = [];
for (const language of ['fr', 'es', 'de']) {
  const articles = taggedArticles(language, 40);
  if (!articles) {
    byLanguage.push(`${language}=not-measured`);
    continue;
  }
  const { p, c } = compare(`wire-story size (3-5 KB), ${language}, tagged`, articles, { project: 9, compromise: 3 });
  byLanguage.push(`${language}=${p.toFixed(2)} compromise-${language}=${c.toFixed(2)}`);
}
console.log(`enrichment-ms-per-article-3-5kb-by-language: ${byLanguage.join(' ')}`);
console.log(`enrichment-ms-256kb: ${hostileTexts(256 * 1024)}`);
console.log(`box-memory-ns-per-random-read: before=${memoryBefore.toFixed(0)} after=${memoryProbeNs().toFixed(0)}`);
console.log(`enrichment-ms-per-article: project=${short.p.toFixed(2)} compromise=${short.c.toFixed(2)} project-3-5kb=${long.p.toFixed(2)} compromise-3-5kb=${long.c.toFixed(2)}`);

/**
 * One text of `chars` characters per hostile kind (hostile-texts.ts) and language, beside real copy of the same length
 * (the 3-5 KB stories joined): the cost must stay linear in the text, so the worst should be of the order of the copy.
 */
function hostileTexts(chars: number): string {
  const copy = wireSize.map((a) => a.bodyText).join('\n\n').slice(0, chars);
  const time = (bodyText: string, language: string) => {
    const started = process.hrtime.bigint();
    enrich({ headline: 'Headline', bodyText, language });
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const figures: string[] = [];
  let worst = { ms: 0, name: '' };
  for (const language of ['en', 'de']) {
    figures.push(`copy-${language}=${time(copy, language).toFixed(0)}`);
    for (const [name, make] of Object.entries(HOSTILE_TEXTS)) {
      const ms = time(make(chars), language);
      if (ms > worst.ms) worst = { ms, name: `${name}-${language}` };
    }
  }
  return `${figures.join(' ')} hostile-worst=${worst.ms.toFixed(0)} (${worst.name}, of ${Object.keys(HOSTILE_TEXTS).length} kinds x 2 languages)`;
}

/** `count` texts of 3-5 KB made of the language's WikiNEuRal sentences (choose half), or undefined without the mirror. */
function taggedArticles(language: string, count: number): Article[] | undefined {
  let docs;
  try {
    docs = modernDocs(language, 'choose');
  } catch {
    return undefined;
  }
  const articles: Article[] = [];
  let text = '';
  for (const d of docs) {
    text += `${d.text} `;
    // Lengths spread over 3-5 KB as bench:pipeline's stories are.
    const target = 3000 + ((articles.length * 997) % 2000);
    if (text.length < target) continue;
    const end = text.lastIndexOf('. ', target);
    const body = text.slice(0, end > 2500 ? end + 1 : target).trim();
    const cut = body.indexOf('. ');
    articles.push({ headline: body.slice(0, cut > 0 && cut < 120 ? cut : 80).trim(), bodyText: body, language });
    text = '';
    if (articles.length === count) break;
  }
  return articles.length ? articles : undefined;
}
