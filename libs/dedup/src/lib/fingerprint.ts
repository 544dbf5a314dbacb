import { anchorKeys } from './anchors';
import { bandKeys, compactSignature, expandSignature, minhash } from './minhash';
import type { DedupOptions } from './options';
import { decodeShingleSet, encodeShingleSet, shingleSetOf } from './shingle-set';
import { shingleHashesOfWords, wordsOf } from './shingles';
import type { Fingerprint } from './similarity';

export interface ArticleFingerprint extends Fingerprint {
  /** Base64 of the compact signature, as stored. */
  encoded: string;
  /** Base64 of the shingle set, as stored. */
  encodedSet: string;
  /** LSH band keys, then anchor keys: every index key the article claims and looks up. */
  bandKeys: string[];
}

export type FingerprintOptions = Pick<DedupOptions, 'shingleSize' | 'numHashes' | 'bands' | 'rows' | 'anchors' | 'maxStoredShingles'>;

/** Text compared across outlets: the body only, since syndicators rewrite headlines. */
export function fingerprintOf(bodyText: string, o: FingerprintOptions, normalisedBody?: string): ArticleFingerprint {
  const words = wordsOf(bodyText, normalisedBody);
  const shingles = shingleHashesOfWords(words, o.shingleSize);
  const sig = minhash(shingles, o.numHashes);
  const encoded = compactSignature(sig);
  const set = shingleSetOf(shingles, o.maxStoredShingles);
  return {
    signature: expandSignature(encoded),
    encoded,
    set,
    encodedSet: encodeShingleSet(set),
    size: shingles.length,
    bandKeys: [...bandKeys(sig, o.bands, o.rows), ...anchorKeys(words, o.anchors)],
  };
}

/** Records written before shingle sets were kept have none: they are compared by their signature. */
export function storedFingerprint(encoded: string, size: number, encodedSet?: string): Fingerprint {
  return { signature: expandSignature(encoded), size, ...(encodedSet ? { set: decodeShingleSet(encodedSet) } : {}) };
}
