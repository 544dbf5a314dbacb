/**
 * Heap and RSS a language's tagger adds once loaded (gazetteer built first,
 * so only the model is counted). Run with --expose-gc:
 *
 *   TS_NODE_PROJECT=tsconfig.tools.json node --expose-gc -r ts-node/register tools/ner/model-heap.ts fr de
 */
import { gazetteerFor, MODEL_LANGUAGES, taggerFor } from '@newswire/enrichment';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
for (const language of process.argv.length > 2 ? process.argv.slice(2) : [...MODEL_LANGUAGES]) {
  gazetteerFor(language);
  gc();
  const before = process.memoryUsage();
  const t0 = process.hrtime.bigint();
  taggerFor(language);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  gc();
  const after = process.memoryUsage();
  console.log(`${language}: load ${ms.toFixed(0)} ms, heap +${mb(after.heapUsed - before.heapUsed)} MB, array buffers +${mb(after.arrayBuffers - before.arrayBuffers)} MB, rss +${mb(after.rss - before.rss)} MB`);
}
