import { readFileSync } from 'node:fs';
import { parseSubmission, toCanonical, newArticleId } from '../libs/wire-formats/src/index';
import { unsafeFields } from '../libs/wire-formats/src/testing/unsafe-fields';
const dir = 'libs/wire-formats/src/fixtures/hostile/';
const cases: [string, string][] = [['canonical.json','application/json'],['ninjs.json','application/ninjs+json'],['nitf.xml','application/nitf+xml'],['newsml-g2.xml','application/vnd.iptc.g2.newsitem+xml'],['rss.xml','application/rss+xml'],['atom.xml','application/atom+xml'],['plain.txt','text/plain']];
for (const [f, ct] of cases) {
  const out = parseSubmission({ body: readFileSync(dir + f), contentType: ct });
  for (const item of out.items) {
    if (!item.ok) { console.log(f, 'REJECTED', item.code, item.reason); continue; }
    const a = toCanonical(item.article, { id: newArticleId(), format: out.format, contentType: ct, receivedAt: new Date(), raw: 'x' });
    const { raw, source, ...rest } = a;
    console.log('=====', f, JSON.stringify(rest, null, 1));
    console.log('UNSAFE', unsafeFields(a));
  }
}
console.log('polluted', ({} as any).polluted);
