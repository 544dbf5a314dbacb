/**
 * Turns the hand-annotated articles (libs/enrichment/eval/annotated/*.txt) into
 * libs/enrichment/eval/entities.jsonl. Annotating inline, mention by mention,
 * is what makes the per-entity mention counts exact rather than estimated.
 *
 *   npx ts-node --transpile-only -P tsconfig.tools.json tools/eval/build-entities-set.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type EntityType = 'person' | 'organisation' | 'place';
const TYPES: Record<string, EntityType> = { p: 'person', o: 'organisation', l: 'place' };
const MARK = /\[\[([^|\]]+)\|([pol])(?:\|([^\]]+))?\]\]/g;

interface GoldEntity {
  type: EntityType;
  name: string;
  mentions: number;
  aliases?: string[];
}

function strip(annotated: string, tally: Map<string, GoldEntity>): string {
  return annotated.replace(MARK, (_all, surface: string, t: string, name?: string) => {
    const type = TYPES[t];
    const norm = (name ?? surface).trim();
    const key = `${type}\u0000${norm}`;
    const e = tally.get(key) ?? { type, name: norm, mentions: 0 };
    e.mentions += 1;
    if (surface !== norm) e.aliases = [...new Set([...(e.aliases ?? []), surface])];
    tally.set(key, e);
    return surface;
  });
}

function parseFile(text: string): object[] {
  return text
    .split(/^=== /m)
    .filter((chunk) => chunk.trim())
    .map((chunk) => {
      const [head, ...bodyParts] = chunk.split(/^---$/m);
      const fields = new Map<string, string>();
      for (const line of head.split('\n')) {
        const m = /^(id|source|language|headline):\s*(.*)$/.exec(line.trim());
        if (m) fields.set(m[1], m[2]);
      }
      const tally = new Map<string, GoldEntity>();
      const headline = strip(fields.get('headline') ?? '', tally);
      const bodyText = strip(bodyParts.join('---').trim(), tally);
      if (/\[\[|\]\]/.test(headline + bodyText)) throw new Error(`unbalanced markup in ${fields.get('id')}`);
      return { id: fields.get('id'), source: fields.get('source'), language: fields.get('language'), headline, bodyText, entities: [...tally.values()] };
    });
}

const dir = join(__dirname, '../../libs/enrichment/eval/annotated');
const rows = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => parseFile(readFileSync(join(dir, f), 'utf8')));
const out = join(dir, '../entities.jsonl');
writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const mentions = rows.flatMap((r) => (r as { entities: GoldEntity[] }).entities).reduce((n, e) => n + e.mentions, 0);
const words = rows.map((r) => (r as { bodyText: string }).bodyText.split(/\s+/).length);
console.log(`${rows.length} articles, ${mentions} entity mentions, words per article ${Math.min(...words)}-${Math.max(...words)} -> ${out}`);
