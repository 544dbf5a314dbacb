import { readFileSync } from 'node:fs';
import { DEFAULT_DEDUP_OPTIONS as o, fingerprintOf, similarity } from '@newswire/dedup';
const pairs = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
for (const p of pairs) {
  if (!/roundup|short|cross-format-same/.test(p.category)) continue;
  const fa = fingerprintOf(p.a.bodyText, o), fb = fingerprintOf(p.b.bodyText, o);
  const s = similarity(fa, fb);
  const cand = fa.bandKeys.filter((k) => fb.bandKeys.includes(k)).length;
  console.log(p.category.padEnd(24), p.expected.padEnd(9), `J=${s.jaccard.toFixed(2)} C=${s.containment.toFixed(2)} r=${s.sizeRatio.toFixed(2)} shared-keys=${cand} sizes=${fa.size}/${fb.size}`);
}
