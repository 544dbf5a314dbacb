import { gunzipSync, gzipSync } from 'node:zlib';
import { FEATURE_SET, LABELS } from './features';
import type { TaggerWeights } from './tagger';

export const MODEL_FORMAT = 'newswire-ner-1';

/** A model as committed: int16 weights, gzip'd, base64 in JSON (bundled like the other data files). */
export interface NerModelFile {
  format: typeof MODEL_FORMAT;
  featureSet: string;
  language: string;
  labels: readonly string[];
  bits: number;
  /** Weight = int16 * scale. */
  scale: number;
  weights: string;
}

/**
 * Float weights -> int16 with one scale per model (int8 rounded most
 * ordinary weights to 0 next to the few big ones and lost 0.3 F1); weights
 * under one step become 0 and compress away.
 */
export function encodeModel(language: string, m: { bits: number; weights: Float32Array }): NerModelFile {
  let max = 0;
  for (const v of m.weights) max = Math.max(max, Math.abs(v));
  const scale = max / 32767 || 1;
  const q = new Int16Array(m.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(m.weights[i] / scale);
  const gz = gzipSync(Buffer.from(q.buffer, q.byteOffset, q.byteLength), {
    level: 9,
  });
  return {
    format: MODEL_FORMAT,
    featureSet: FEATURE_SET,
    language,
    labels: LABELS,
    bits: m.bits,
    scale,
    weights: gz.toString('base64'),
  };
}

/** Refuses a file written for other features or labels: its weights would mean nothing here. */
export function decodeModel(file: NerModelFile): TaggerWeights {
  if (file.format !== MODEL_FORMAT || file.featureSet !== FEATURE_SET || file.labels.join() !== LABELS.join()) {
    throw new Error(`entity model ${file.language}: format ${file.format}/${file.featureSet} is not ${MODEL_FORMAT}/${FEATURE_SET}`);
  }
  const raw = gunzipSync(Buffer.from(file.weights, 'base64'));
  const weights = new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  if (weights.length !== LABELS.length << file.bits) throw new Error(`entity model ${file.language}: ${weights.length} weights, expected ${LABELS.length << file.bits}`);
  return { bits: file.bits, weights };
}
