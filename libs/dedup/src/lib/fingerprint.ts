import { bandKeys, compactSignature, expandSignature, minhash } from './minhash';
import type { DedupOptions } from './options';
import { shingleHashes } from './shingles';
import type { Fingerprint } from './similarity';

export interface ArticleFingerprint extends Fingerprint {
  /** Base64 of the compact signature, as stored. */
  encoded: string;
  bandKeys: string[];
}

/** Text compared across outlets: the body only, since syndicators rewrite headlines. */
export function fingerprintOf(bodyText: string, o: Pick<DedupOptions, 'shingleSize' | 'numHashes' | 'bands' | 'rows'>): ArticleFingerprint {
  const shingles = shingleHashes(bodyText, o.shingleSize);
  const sig = minhash(shingles, o.numHashes);
  const encoded = compactSignature(sig);
  return { signature: expandSignature(encoded), encoded, size: shingles.length, bandKeys: bandKeys(sig, o.bands, o.rows) };
}

export function storedFingerprint(encoded: string, size: number): Fingerprint {
  return { signature: expandSignature(encoded), size };
}
