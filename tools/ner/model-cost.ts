/**
 * What a language's tagger costs: heap and array buffers added once loaded
 * (the gazetteer is built first, so only the model counts), load time, ms
 * per article of the tagger alone and of the whole enrichment in that
 * language, over the enrichment bench's (English) articles. Run with --expose-gc:
 *
 *   TS_NODE_PROJECT=tsconfig.tools.json node --expose-gc -r ts-node/register tools/ner/model-cost.ts [fr de ...]
 */
import { enrich, gazetteerFor, MODEL_LANGUAGES, taggerFor, tokenize } from '@newswire/enrichment';
import { readArticles } from '../eval/entity-score';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const articles = readArticles();
const texts = articles.map((a) => `${a.headline}\n\n${a.bodyText}`);

/** Median ms per article over rounds of one pass, after a warm-up. */
function median(pass: () => void): number {
  for (let r = 0; r < 5; r++) pass();
  const rounds: number[] = [];
  for (let r = 0; r < 15; r++) {
    const s = process.hrtime.bigint();
    pass();
    rounds.push(Number(process.hrtime.bigint() - s) / 1e6 / texts.length);
  }
  return rounds.sort((a, b) => a - b)[7];
}

for (const language of process.argv.length > 2 ? process.argv.slice(2) : [...MODEL_LANGUAGES]) {
  gazetteerFor(language);
  gc();
  const before = process.memoryUsage();
  const t0 = process.hrtime.bigint();
  const tagger = taggerFor(language)!;
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  gc();
  const after = process.memoryUsage();
  const tag = median(() => {
    for (const text of texts) {
      const toks = tokenize(text);
      tagger.tag(
        toks.map((t) => t.text),
        (i) => toks[i].sentStart,
      );
    }
  });
  const full = median(() => {
    for (const a of articles) enrich({ ...a, language });
  });
  console.log(
    `${language}: load ${loadMs.toFixed(0)} ms, heap +${mb(after.heapUsed - before.heapUsed)} MB, array buffers +${mb(after.arrayBuffers - before.arrayBuffers)} MB; tagger ${tag.toFixed(3)} ms/article (tokenising included), full enrichment as ${language} ${full.toFixed(3)} ms/article`,
  );
}
