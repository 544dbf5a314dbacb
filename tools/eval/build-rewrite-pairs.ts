/**
 * Builds the rewrite set: libs/dedup/eval/rewrites/{dev,test}.jsonl, pairs
 * that test what the first set (pairs.jsonl) left out: one provider's item
 * sent in two formats, roundups that carry most of a story, syndicated
 * edits, short re-sends, and the hard negatives beside them (the other story
 * on the same event, a short story sharing the event, another item of the
 * same provider). Texts are the project's hand-written stories
 * (libs/dedup/eval/stories.json) and real wire copy from the shared corpus
 * (see its SOURCES.md), read with the project's own parsers. Every edit is
 * generic and seeded; nothing is tuned per pair.
 *
 * The split is by event (a story and everything derived from it stay on one
 * side): sha256(event) first byte < 77 (about 30%) goes to test.
 * Run: npx ts-node -P tsconfig.tools.json tools/eval/build-rewrite-pairs.ts [<corpus dir>, default $FIXTURES or ../shared/fixtures]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '@newswire/wire-formats';

interface Origin { repo: string; path: string; commit?: string; licence: string }
interface Story { id: string; event: string; source: string; headline: string; paragraphs: string[]; origin: Origin }
interface Side { source: string; uri: string; sourceId?: string; format?: string; version?: number; versionCreated?: string; headline: string; bodyText: string }
interface Pair { id: string; category: string; story: string; a: Side; b: Side; expected: 'duplicate' | 'distinct'; origin: Origin[] }

const OUT = join(__dirname, '../../libs/dedup/eval/rewrites');
const CORPUS = process.argv[2] ?? process.env['FIXTURES'] ?? '../shared/fixtures';

let seed = 20250611;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const LICENCES: Record<string, string> = {
  'superdesk/superdesk-core': 'AGPL-3.0 repository; the text is agency copy, copyright of the agency',
  'iptc/newsinjson': 'MIT (c) 2024 IPTC (also CC BY 4.0)',
  'iptc/newsml-g2': 'CC BY 4.0 (c) 2019 IPTC',
  'rbren/rss-parser': 'MIT repository; captured real feeds, content belongs to the publishers',
  'codelucas/newspaper': 'MIT repository; text extracted from news sites, copyright of the publishers',
};

/** SOURCES.md's file table: corpus file -> repository, path, commit. */
function corpusOrigins(): Map<string, Origin> {
  const out = new Map<string, Origin>();
  for (const line of readFileSync(join(CORPUS, 'SOURCES.md'), 'utf8').split('\n')) {
    const m = /^\| `([^`]+)` \| ([^|]+) \| `([^`]+)` \| (\w+) \|/.exec(line);
    if (m) out.set(m[1], { repo: m[2].trim(), path: m[3], commit: m[4], licence: LICENCES[m[2].trim()] ?? 'see SOURCES.md' });
  }
  return out;
}

const sentences = (p: string) => p.match(/[^.!?]+[.!?]+["”’']?\s*|[^.!?]+$/g)?.map((x) => x.trim()).filter(Boolean) ?? [p];
const wordCount = (ps: readonly string[]) => ps.join(' ').split(/\s+/).filter(Boolean).length;

/** Long single-block texts are split into two-sentence paragraphs, as wires paragraph them. */
function paragraphsOf(bodyText: string): string[] {
  const ps = bodyText.split(/\n\s*\n|\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
  if (ps.length >= 3) return ps;
  const ss = ps.flatMap(sentences);
  const out: string[] = [];
  for (let i = 0; i < ss.length; i += 2) out.push(ss.slice(i, i + 2).join(' '));
  return out;
}

/** Real copy from the corpus: every text item of 3+ paragraphs and 80+ words, once per headline. */
function corpusStories(): Story[] {
  const origins = corpusOrigins();
  const seen = new Set<string>();
  const out: Story[] = [];
  for (const dir of ['newsml-g2', 'ninjs', 'nitf', 'plaintext', 'rss']) {
    for (const f of readdirSync(join(CORPUS, dir)).sort()) {
      const origin = origins.get(`${dir}/${f}`);
      if (!origin || /medium|craigslist|reddit|instant|heraldsun|encoding|rss-1/.test(f)) continue; // blogs, ads, forums: not news copy
      const outcome = parseDocument({ body: readFileSync(join(CORPUS, dir, f)), filename: f });
      outcome.items.forEach((it, n) => {
        if (!it.ok || !it.article.bodyText || !it.article.headline) return;
        const paragraphs = paragraphsOf(it.article.bodyText).filter((p) => !/^(read more|continue reading)/i.test(p));
        const key = it.article.headline.toLowerCase();
        if (paragraphs.length < 3 || wordCount(paragraphs) < 80 || seen.has(key)) return;
        seen.add(key);
        const id = `${f.replace(/\.[a-z]+$/, '').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-${n}`.slice(0, 60);
        const source = (it.article.provider ?? it.article.publisher ?? 'Wire').replace(/\s*:.*$/, '');
        // Two AP earnings briefs from one template, and Reuters' two Assad stories, are one event each: distinct stories of it.
        const event = /superdesk_ap$/.test(f.replace(/\.xml$/, '')) ? 'ap-earnings' : /KBN0FL0N[NM]|KBN0FL0ZP/.test(f) ? 'assad-term' : id;
        out.push({ id, event, source, headline: it.article.headline, paragraphs: paragraphs.slice(0, 40), origin });
      });
    }
  }
  return out;
}

function handWritten(): Story[] {
  const raw: { id: string; event: string; source: string; headline: string; paragraphs: string[] }[] = JSON.parse(readFileSync(join(__dirname, '../../libs/dedup/eval/stories.json'), 'utf8'));
  return raw.map((s) => ({ ...s, origin: { repo: 'this project', path: 'libs/dedup/eval/stories.json', licence: 'written for this project' } }));
}

const OUTLETS = ['The Northern Echo', 'Irish Examiner', 'Malta Independent', 'Luxemburger Wort', 'Baltic Times', 'Cyprus Mail', 'Swissinfo', 'Brussels Times', 'Otago Daily Times', 'Jamaica Observer'];
const LOCAL = [
  'Local officials said they were following the situation closely and would publish advice for residents on the council website.',
  'A spokesperson for the regional chamber of commerce said member firms had not yet reported any direct effect.',
  'Readers with relatives in the area can call the foreign ministry hotline, which is open around the clock.',
  'The story was first reported by the agency; our correspondent contributed additional reporting.',
];
const BOILERPLATE = [
  '(Reporting by staff; editing by the news desk)',
  'Copyright 2024. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  "Sign up for our morning newsletter to get the day's top stories in your inbox.",
];
const EDITS: [RegExp, string][] = [
  [/\bpercent\b/g, 'per cent'], [/\bsaid on (\w+day)\b/g, 'said $1'], [/\btold reporters\b/g, 'said'], [/\bmore than\b/g, 'over'],
  [/\babout\b/g, 'around'], [/\bkilometres\b/g, 'km'], [/\bbillion\b/g, 'bn'], [/\bmillion\b/g, 'mn'], [/\bhowever\b/gi, 'but'],
  [/\bwhich\b/g, 'that'], [/\bthe United States\b/g, 'the US'], [/\bPresident\b/g, 'president'], [/\bdid not\b/g, "didn't"],
];
const edit = (text: string) => EDITS.reduce((t, [re, to]) => (rand() < 0.7 ? t.replace(re, to) : t), text);
/** A sub-editor's pass: house style, and now and then a sentence cut from a long paragraph. */
const subEdit = (ps: readonly string[]) => ps.map((p) => {
  const ss = sentences(edit(p));
  return ss.length > 2 && rand() < 0.3 ? ss.filter((_, j) => j !== between(1, ss.length - 1)).join(' ') : ss.join(' ');
});

/** Identity forms one provider's item takes in different formats (id with and without revision, agency name spelled out). */
interface Agency { names: string[]; ids: (item: string, rev: number) => string[] }
const AGENCIES: Agency[] = [
  { names: ['AFP', 'Agence France-Presse', 'Agence France Presse', 'afp.com'], ids: (i, r) => [`urn:newsml:afp.com:20240520:${i}`, `urn:newsml:afp.com:20240520:${i}:${r}`, `urn:afp:${i}`] },
  { names: ['Reuters', 'Thomson Reuters', 'reuters.com', 'REUTERS'], ids: (i, r) => [`tag:reuters.com,2024:newsml_${i}`, `tag:reuters.com,2024:newsml_${i}:${r}`] },
  { names: ['dpa', 'Deutsche Presse-Agentur', 'dpa.com', 'DPA'], ids: (i, r) => [`urn:newsml:dpa.com:20090101:${i}`, `urn:newsml:dpa.com:20090101:${i}:${r}`] },
  { names: ['AP', 'The Associated Press', 'Associated Press', 'ap.org'], ids: (i, r) => [`urn:publicid:ap.org:${i}`, `https://api.ap.org/media/v/content/${i}?qt=Xk2${r}&et=0a1b`, `urn:publicid:ap.org:${i}:${r}`] },
  { names: ['ANSA', 'Agenzia ANSA', 'ansa.it'], ids: (i, r) => [`urn:newsml:ansa.it:20240520:${i}`, `urn:newsml:ansa.it:20240520:${i}:${r}`] },
  { names: ['PA', 'PA Media', 'Press Association', 'pa.media'], ids: (i, r) => [`urn:newsml:pa.media:${i}`, `urn:newsml:pa.media:${i}:${r}`] },
];
const FORMATS = ['agency-json', 'newsml-g2', 'ninjs'];
const itemIdOf = (s: Story, salt = '') => createHash('sha256').update(s.id + salt).digest('hex').slice(0, 12).toUpperCase();

const pairs: Pair[] = [];
function add(category: string, story: Story, a: Side, b: Side, expected: Pair['expected'], also: Story[] = []) {
  pairs.push({ id: `${category}-${pairs.length + 1}`, category, story: story.event, a, b, expected, origin: [story.origin, ...also.map((s) => s.origin)] });
}
const slug = (x: string) => x.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const side = (s: Story, source: string, headline: string, ps: readonly string[], extra: Partial<Side> = {}): Side => ({ source, uri: `urn:${slug(source)}:${s.id}:${between(1000, 9999)}`, headline, bodyText: ps.join('\n\n'), ...extra });
const original = (s: Story): Side => side(s, s.source, s.headline, s.paragraphs, { uri: `urn:${slug(s.source)}:${s.id}`, version: 1, versionCreated: '2024-05-20T08:00:00Z' });

/** Keeps whole paragraphs from the top until at least `share` of the words are in. */
function topShare(ps: readonly string[], share: number): string[] {
  const total = wordCount(ps);
  const out: string[] = [];
  for (const p of ps) {
    out.push(p);
    if (wordCount(out) >= share * total) break;
  }
  return out;
}

function build(stories: Story[], side_: 'dev' | 'test', all: Story[]) {
  const byEvent = new Map<string, Story[]>();
  stories.forEach((s) => byEvent.set(s.event, [...(byEvent.get(s.event) ?? []), s]));
  stories.forEach((s, i) => {
    const others = stories.filter((o) => o.event !== s.event);
    const outlet = OUTLETS[i % OUTLETS.length];

    // One provider's item in two formats: other spelling of the agency, id with or without revision; half of them a later revision of the text.
    const ag = AGENCIES[i % AGENCIES.length];
    const item = itemIdOf(s);
    const [fa, fb] = [FORMATS[i % 3], FORMATS[(i + 1) % 3]];
    const [na, nb] = [ag.names[i % ag.names.length], ag.names[(i + 1 + between(0, ag.names.length - 2)) % ag.names.length]];
    const ids = ag.ids(item, 2);
    const revised = i % 2 === 0;
    const bodyB = revised ? [`${edit(s.paragraphs[0])}`, 'Officials gave new figures later in the day and said the situation was still developing.', ...s.paragraphs.slice(1, Math.max(2, Math.ceil(s.paragraphs.length * 0.5)))] : s.paragraphs;
    const signed = i % 4 === 1 ? { sourceId: slug(ag.names[0]) } : {};
    add('cross-format-same-item', s, { ...original(s), source: na, uri: ids[0], format: fa, ...signed }, { source: nb, uri: pick(ids.slice(1)), format: fb, version: revised ? 2 : 1, headline: revised ? `UPDATE 1-${s.headline}` : s.headline, bodyText: bodyB.join('\n\n'), ...signed }, 'duplicate');
    // The same provider's other item (other id) on another event, in the other format: never one item.
    const o1 = pick(others);
    add('cross-format-other-item', s, { ...original(s), source: na, uri: ids[0], format: fa, ...signed }, { ...original(o1), source: nb, uri: ag.ids(itemIdOf(o1), 1)[1], format: fb, ...signed }, 'distinct', [o1]);

    // Roundup: a digest carrying most of this story and parts of two or three others, before or after the story itself.
    const share = 0.6 + rand() * 0.4;
    const parts = [s, ...Array.from({ length: between(1, 3) }, () => pick(others))];
    const order = parts.sort(() => rand() - 0.5);
    const digest = [pick(['Here are the main stories at 1400 GMT:', 'NEWS ROUNDUP', 'The day in brief:', 'Top stories this hour:']), ...order.flatMap((p) => [p.headline.toUpperCase(), ...(p === s ? topShare(s.paragraphs, share) : topShare(p.paragraphs, 0.3 + rand() * 0.4))])];
    const roundup = side(s, pick([s.source, outlet]), pick(['News roundup', 'Morning briefing', 'Top stories']), digest);
    if (i % 2 === 0) add('roundup-after', s, original(s), roundup, 'duplicate', parts.filter((p) => p !== s));
    else add('roundup-before', s, roundup, original(s), 'duplicate', parts.filter((p) => p !== s));

    // Syndicated edits: trimmed to 60-90%, sub-edited, a paragraph moved, a local paragraph, credit and boilerplate.
    let syn = subEdit(topShare(s.paragraphs, 0.6 + rand() * 0.3));
    if (syn.length > 3 && rand() < 0.5) { const [m] = syn.splice(between(2, syn.length - 1), 1); syn.splice(1, 0, m); }
    if (rand() < 0.6) syn.splice(between(1, syn.length), 0, pick(LOCAL));
    syn = [`${s.source.toUpperCase()} - ${syn[0]}`, ...syn.slice(1), ...(rand() < 0.5 ? [pick(BOILERPLATE)] : [])];
    add('syndicated-edit', s, original(s), side(s, outlet, `${s.headline.split(/[:|-]/)[0].trim()}`, syn), 'duplicate');

    // Short re-send: the first one to three paragraphs under a new URL (an alert, a brief), from the source or an outlet.
    const n = between(1, 3);
    add('short-resend', s, original(s), side(s, pick([s.source, outlet]), pick([s.headline, `BRIEF-${s.headline}`, `URGENT: ${s.headline}`]), s.paragraphs.slice(0, n)), 'duplicate');

    // Distinct: the other story on the same event (full, and as a short brief), else a short story of another event from the same source.
    const sibling = (byEvent.get(s.event) ?? []).find((o) => o !== s);
    if (sibling) {
      add('same-event-distinct', s, original(s), original(sibling), 'distinct', [sibling]);
      add('short-distinct', s, original(s), side(sibling, sibling.source, sibling.headline, sibling.paragraphs.slice(0, between(1, 3))), 'distinct', [sibling]);
      // A short story of the same event quoting one paragraph of this one.
      add('short-shared-quote', s, original(s), side(sibling, sibling.source, sibling.headline, [sibling.paragraphs[0], s.paragraphs[Math.min(3, s.paragraphs.length - 1)], sibling.paragraphs[1] ?? sibling.paragraphs[0]]), 'distinct', [sibling]);
    } else {
      const same = others.filter((o) => o.source === s.source);
      const o2 = same.length ? pick(same) : pick(others);
      add('short-distinct', s, original(s), side(o2, s.source, o2.headline, o2.paragraphs.slice(0, between(1, 3))), 'distinct', [o2]);
    }
    // Unrelated, credited like wire copy from this story's source.
    const o3 = pick(others);
    add('unrelated', s, original(s), side(o3, s.source, o3.headline, [`${s.source.toUpperCase()} - ${o3.paragraphs[0]}`, ...o3.paragraphs.slice(1)]), 'distinct', [o3]);
  });
  void all;
  const file = join(OUT, `${side_}.jsonl`);
  return { file, pairs: pairs.splice(0) };
}

const stories = [...handWritten(), ...corpusStories()];
const isTest = (event: string) => createHash('sha256').update(event).digest()[0] < 77;
mkdirSync(OUT, { recursive: true });
for (const part of ['dev', 'test'] as const) {
  const mine = stories.filter((s) => isTest(s.event) === (part === 'test'));
  const { file, pairs: ps } = build(mine, part, stories);
  writeFileSync(file, ps.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const counts = ps.reduce<Record<string, number>>((m, p) => ({ ...m, [p.category]: (m[p.category] ?? 0) + 1 }), {});
  console.log(`${part}: ${mine.length} stories (${new Set(mine.map((s) => s.event)).size} events), ${ps.length} pairs -> ${file}`, counts);
}
