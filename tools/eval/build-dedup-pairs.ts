/**
 * Builds libs/dedup/eval/pairs.jsonl from the hand-written stories in
 * libs/dedup/eval/stories.json. Each variant is an edit a syndicating outlet
 * or the source itself really makes; the seed is fixed so the set is stable.
 * Run: npx ts-node -P tsconfig.tools.json tools/eval/build-dedup-pairs.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Story { id: string; event: string; source: string; headline: string; alt: string; paragraphs: string[] }
interface Side { source: string; uri: string; version?: number; versionCreated?: string; headline: string; bodyText: string }
interface Pair { id: string; category: string; a: Side; b: Side; expected: 'duplicate' | 'distinct' }

const DIR = join(__dirname, '../../libs/dedup/eval');
const stories: Story[] = JSON.parse(readFileSync(join(DIR, 'stories.json'), 'utf8'));

let seed = 20240524;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

const OUTLETS = ['The Northern Echo', 'Irish Examiner', 'Malta Independent', 'Luxemburger Wort', 'Baltic Times', 'Cyprus Mail', 'Swissinfo', 'Brussels Times'];
const DATELINES: Record<string, string> = {
  quake: 'ANKARA', ecb: 'FRANKFURT', wildfire: 'ATHENS', chips: 'DRESDEN', strike: 'BERLIN',
  election: 'LISBON', flood: 'BOLOGNA', rsv: 'AMSTERDAM', final: 'LONDON', bridge: 'BALTIMORE',
};
const LOCAL: Record<string, string> = {
  quake: 'The Turkish community association in our city has opened a collection point for blankets and winter clothing at its centre on Mill Street, open daily from 9 a.m. to 7 p.m.',
  ecb: 'For local homeowners on variable-rate mortgages, a cut in June would lower monthly repayments by roughly 40 euros on a typical 200,000 euro loan, according to the regional consumer advice centre.',
  wildfire: 'The foreign ministry advised travellers from this country to follow instructions from Greek authorities and to register with the embassy in Athens if they are in the affected area.',
  chips: 'Our region\'s own chip supplier, which employs 400 people at its plant on the ring road, said it hoped to win contracts for cleanroom equipment at the new site.',
  strike: 'Regional buses in our district will run extra services on the routes that normally connect with the affected trains, the transport authority said.',
  election: 'Around 12,000 Portuguese citizens live in our country, and turnout among voters abroad rose sharply, according to the consulate.',
  flood: 'A local charity that twinned with Faenza in the 1990s said it would send volunteers and a truck of cleaning equipment at the weekend.',
  rsv: 'The health authority in our region said it was too early to say when the vaccine might be offered at local clinics.',
  final: 'Fans from our city who travelled to London for the final said they were returning on Sunday by coach after flights sold out.',
  bridge: 'A shipping company based at our port said two of its vessels that had been due in Baltimore next week would be rerouted to Norfolk.',
};
const BOILERPLATE = [
  '(Reporting by staff; editing by the news desk)',
  'Copyright 2024. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  'Sign up for our morning newsletter to get the day\'s top stories in your inbox.',
  'Follow us on social media for the latest updates.',
];
/** Wording a sub-editor changes: house style, tense, attribution. */
const EDITS: [RegExp, string][] = [
  [/\bpercent\b/g, 'per cent'],
  [/\bsaid on (\w+day)\b/g, 'said $1'],
  [/\btold reporters\b/g, 'said'],
  [/\bmore than\b/g, 'over'],
  [/\babout\b/g, 'around'],
  [/\bon (\w+day)\b/g, 'on $1'],
  [/\bkilometres\b/g, 'km'],
  [/\bbillion\b/g, 'bn'],
  [/\bhowever\b/gi, 'but'],
  [/\bwhich\b/g, 'that'],
];

const uri = (s: Story, who: string, n = 1) => `urn:${who.toLowerCase().replace(/[^a-z]+/g, '-')}:${s.id}:${n}`;
const side = (s: Story, source: string, headline: string, paragraphs: string[], extra: Partial<Side> = {}): Side => ({
  source,
  uri: uri(s, source),
  headline,
  bodyText: paragraphs.join('\n\n'),
  ...extra,
});
const original = (s: Story): Side => side(s, s.source, s.headline, s.paragraphs, { version: 1, versionCreated: '2024-05-20T08:00:00Z' });
const credit = (s: Story, body: string[]) => [`${DATELINES[s.event]} (${s.source}) - ${body[0]}`, ...body.slice(1)];
const edit = (text: string) => EDITS.reduce((t, [re, to]) => (rand() < 0.7 ? t.replace(re, to) : t), text);
const sentences = (p: string) => p.match(/[^.!?]+[.!?]+["”]?\s*/g)?.map((x) => x.trim()) ?? [p];

const pairs: Pair[] = [];
const add = (category: string, a: Side, b: Side, expected: Pair['expected']) => pairs.push({ id: `${category}-${pairs.length + 1}`, category, a, b, expected });

stories.forEach((s, i) => {
  const outlet = OUTLETS[i % OUTLETS.length];
  // Re-sent: the same text under a new id, with typographic noise from another system.
  const noisy = s.paragraphs.map((p) => p.replace(/"([^"]*)"/g, '“$1”').replace(/'/g, '’').replace(/ - /g, ' – ').replace(/\. /g, '.  '));
  add('exact-resend', original(s), side(s, i % 2 ? s.source : outlet, s.headline, i % 3 ? noisy : s.paragraphs, { uri: uri(s, 'resend') }), 'duplicate');

  // Syndicated with the outlet's dateline credit, boilerplate tail and its own headline.
  add('syndicated-masthead', original(s), side(s, outlet, s.alt, [...credit(s, s.paragraphs), pick(BOILERPLATE), ...(rand() < 0.5 ? [pick(BOILERPLATE)] : [])]), 'duplicate');

  // Trimmed from the bottom, as outlets cut to fit.
  const keep = Math.max(3, s.paragraphs.length - 1 - Math.floor(rand() * 2));
  add('syndicated-trimmed', original(s), side(s, outlet, s.headline, credit(s, s.paragraphs.slice(0, keep))), 'duplicate');

  // Sub-edited: house style, a dropped sentence, a new headline.
  const edited = s.paragraphs.map((p, j) => {
    const ss = sentences(edit(p));
    return j === 2 && ss.length > 1 ? ss.slice(0, -1).join(' ') : ss.join(' ');
  });
  add('syndicated-edited', original(s), side(s, OUTLETS[(i + 3) % OUTLETS.length], s.alt, edited), 'duplicate');

  // Reordered paragraphs and a locally written paragraph added.
  const re = [...s.paragraphs];
  const [moved] = re.splice(3, 1);
  re.splice(1, 0, moved);
  re.splice(4, 0, LOCAL[s.event]);
  add('syndicated-reordered-local', original(s), side(s, OUTLETS[(i + 5) % OUTLETS.length], s.alt, re), 'duplicate');

  // Same source and id, a later version: a correction (small) or an update (new lead, new facts).
  const v2: Side =
    i % 2 === 0
      ? { ...original(s), version: 2, versionCreated: '2024-05-20T10:30:00Z', bodyText: [...s.paragraphs.slice(0, -1), `${s.paragraphs.at(-1)} (Corrects spelling of a name in the fourth paragraph.)`].join('\n\n') }
      : {
          ...original(s),
          version: 3,
          versionCreated: '2024-05-20T14:00:00Z',
          headline: `UPDATE 2-${s.alt}`,
          bodyText: [`Adds details, reaction in paragraphs 1-2.`, edit(s.paragraphs[0]), `Officials gave new figures late in the day and said the picture was still changing quickly.`, ...s.paragraphs.slice(1, 4)].join('\n\n'),
        };
  add('version-same-story', original(s), v2, 'duplicate');

  // Heavily cut and rewritten: a third of the sentences dropped, the rest sub-edited, paragraphs merged.
  const kept = s.paragraphs.flatMap((p) => sentences(edit(p))).filter((_, j) => j === 0 || rand() > 0.33);
  const merged: string[] = [];
  for (let j = 0; j < kept.length; j += 2) merged.push(kept.slice(j, j + 2).join(' '));
  add('syndicated-heavy-edit', original(s), side(s, OUTLETS[(i + 1) % OUTLETS.length], s.alt, [...credit(s, merged), pick(BOILERPLATE)]), 'duplicate');
});

// Two different stories on one event, as published and as syndicated: never one story.
for (let i = 0; i < stories.length; i += 2) {
  const [x, y] = [stories[i], stories[i + 1]];
  add('same-event-distinct', original(x), original(y), 'distinct');
  // Two outlets quote the same official: one shared paragraph does not make one story.
  add('same-event-shared-quote', original(x), side(y, y.source, y.headline, [...y.paragraphs.slice(0, 3), x.paragraphs[3], ...y.paragraphs.slice(3)]), 'distinct');
  add('same-event-shared-quote', original(y), side(x, x.source, x.headline, [...x.paragraphs.slice(0, 2), y.paragraphs[3], y.paragraphs[1], ...x.paragraphs.slice(2)]), 'distinct');
  add('same-event-distinct-syndicated', side(x, OUTLETS[i % OUTLETS.length], x.alt, credit(x, x.paragraphs)), side(y, OUTLETS[i % OUTLETS.length], y.headline, credit(y, y.paragraphs.slice(0, 4))), 'distinct');
}

// Unrelated stories, same source where possible (wire boilerplate in common, nothing else).
for (let i = 0; i < stories.length; i++) {
  const j = (i + 2 + Math.floor(rand() * (stories.length - 4))) % stories.length;
  if (stories[i].event === stories[j].event) continue;
  add('unrelated', original(stories[i]), side(stories[j], stories[i].source, stories[j].headline, credit(stories[j], stories[j].paragraphs)), 'distinct');
}

writeFileSync(join(DIR, 'pairs.jsonl'), pairs.map((p) => JSON.stringify(p)).join('\n') + '\n');
const counts = pairs.reduce<Record<string, number>>((m, p) => ({ ...m, [p.category]: (m[p.category] ?? 0) + 1 }), {});
console.log(`wrote ${pairs.length} pairs`, counts);
