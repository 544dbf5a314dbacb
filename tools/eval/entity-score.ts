/** The English hand-written set's scoring (libs/enrichment/eval/README.md, "Scoring"), shared by the eval and tools/ner. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type EntityType = 'person' | 'organisation' | 'place';
export const TYPES: EntityType[] = ['person', 'organisation', 'place'];

export interface GoldEntity {
  type: EntityType;
  name: string;
  mentions?: number;
  aliases?: string[];
}
export interface Article {
  id: string;
  headline: string;
  bodyText: string;
  entities: GoldEntity[];
}
export type Predicted = Record<EntityType, string[]>;

// Titles are stripped from both systems' output so neither is punished for
// returning "President Putin" where the gold name is "Vladimir Putin".
const TITLE = /^(?:(?:president|prime|minister|mr|mrs|ms|dr|sir|chancellor|senator|sen|rep|gov|governor|mayor|king|queen|prince|cardinal|patriarch|spokesman|judge|coach|captain|the)\.?\s+)+/;

export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\bthe\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(TITLE, '');
}

export function keysOf(g: GoldEntity): Set<string> {
  const keys = new Set([g.name, ...(g.aliases ?? [])].map(fold));
  if (g.type === 'person') {
    const parts = fold(g.name).split(' ');
    if (parts.length > 1) keys.add(parts[parts.length - 1]);
  }
  return keys;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function score(gold: GoldEntity[], predicted: string[], into: Counts): void {
  const goldKeys = gold.map(keysOf);
  const matched = new Set<number>();
  for (const p of new Set(predicted.map(fold).filter(Boolean))) {
    const i = goldKeys.findIndex((k) => k.has(p));
    if (i >= 0) matched.add(i);
    else into.fp += 1;
  }
  into.tp += matched.size;
  into.fn += gold.length - matched.size;
}

export const ENGLISH_SET = join(__dirname, '../../libs/enrichment/eval/entities.jsonl');

export function readArticles(file: string = ENGLISH_SET): Article[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}
