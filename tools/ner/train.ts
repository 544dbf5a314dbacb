/**
 * Trains the entity tagger per language (averaged perceptron, hashed
 * features, greedy BIO decoding) from local git snapshots of the training
 * corpora, and writes libs/enrichment/src/data/ner/<lang>.model.json plus
 * manifest.json (sources, commits, licences, sentence counts, held-out F1).
 *
 *   npm run train:ner [-- en fr]
 *
 * Single process, fixed seed: the same snapshots give the same files.
 */
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel, decodeSentence, encodeModel, lexiconFor, N_LABELS, N_STATIC, SentenceFeatures, Tagger, type TaggerWeights } from '@newswire/enrichment';
import { f1, scoreTagger, sentencesOf, type Sentence } from './conllu';
import { chooseHalf } from './modern-set';
import { heldOutSource, MODEL_DIR, TRAINING } from './sources';

const BITS = Number(process.env.NER_BITS ?? 18);
const EPOCHS = Number(process.env.NER_EPOCHS ?? 6);
const SEED = 20261202;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Averaged perceptron with lazy averaging: avg = w - u / c. */
function train(language: string, sentences: Sentence[]): Float32Array {
  const size = N_LABELS << BITS;
  const model: TaggerWeights & { weights: Float32Array } = { bits: BITS, weights: new Float32Array(size) };
  const u = new Float64Array(size);
  const lexicon = lexiconFor(language);
  const f = new SentenceFeatures(BITS);
  const random = mulberry32(SEED);
  const order = sentences.map((_, i) => i);
  let c = 1;
  let predicted = new Uint8Array(256);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let tokens = 0;
    for (const si of order) {
      const s = sentences[si];
      f.compute(s.words, 0, s.words.length, lexicon, true);
      if (predicted.length < s.words.length) predicted = new Uint8Array(s.words.length * 2);
      decodeSentence(model, f, predicted, (k, dyn, guess) => {
        const gold = s.labels[k];
        tokens++;
        c++;
        if (guess === gold) return;
        errors++;
        const update = (slot: number) => {
          for (const [label, d] of [
            [gold, 1],
            [guess, -1],
          ] as const) {
            const at = slot * N_LABELS + label;
            model.weights[at] += d;
            u[at] += c * d;
          }
        };
        for (let j = 0; j < N_STATIC; j++) update(f.index[k * N_STATIC + j]);
        for (const slot of dyn) update(slot);
      });
    }
    console.log(`  ${language} epoch ${epoch + 1}: ${((100 * errors) / tokens).toFixed(2)}% token errors`);
  }
  for (let i = 0; i < size; i++) model.weights[i] -= u[i] / c;
  return model.weights;
}

function main(): void {
  const only = process.argv.slice(2);
  const manifestFile = join(MODEL_DIR, 'manifest.json');
  const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : { models: {} };
  manifest.trainer = { script: 'tools/ner/train.ts', algorithm: 'averaged perceptron, greedy BIO decoding', bits: BITS, epochs: EPOCHS, seed: SEED };
  for (const [language, sources] of Object.entries(TRAINING)) {
    if (only.length && !only.includes(language)) continue;
    const t0 = Date.now();
    const sentences: Sentence[] = [];
    const used = [];
    for (const s of sources) {
      const got = sentencesOf(s);
      sentences.push(...got);
      used.push({ ...s, sentences: got.length, tokens: got.reduce((n, x) => n + x.words.length, 0) });
    }
    console.log(`${language}: ${sentences.length} sentences`);
    const weights = train(language, sentences);
    const file = encodeModel(language, { bits: BITS, weights });
    writeFileSync(join(MODEL_DIR, `${language}.model.json`), JSON.stringify(file) + '\n');
    const seconds = (Date.now() - t0) / 1000;
    // Only the "choose" half of the held-out split is scored here: the "report" half is the eval's (modern-set.ts).
    const held = heldOutSource(language);
    const test = chooseHalf(sentencesOf(held));
    const score = scoreTagger(new Tagger(decodeModel(file), lexiconFor(language)), test);
    console.log(`${language}: trained in ${seconds.toFixed(0)} s, held-out ${held.path} (choose half) span F1 ${f1(score).toFixed(3)} (${test.length} sentences)`);
    manifest.models[language] = {
      file: `${language}.model.json`,
      bytes: Buffer.byteLength(JSON.stringify(file)),
      trainingSeconds: Math.round(seconds),
      sources: used,
      heldOut: { ...held, half: 'choose', sentences: test.length, spanF1: Number(f1(score).toFixed(3)) },
    };
  }
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 1) + '\n');
}

main();
