import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnrichmentV1 } from '@newswire/contracts';
import { enrich, ENRICHMENT_MAX_BYTES, MAX_ENTITIES_PER_TYPE } from './enrich';

const raw = readFileSync(join(__dirname, '../../../wire-formats/src/fixtures/daily-impact-european-2024-11-24.txt'), 'utf8');
const paras = raw.split('\n\n');
const headline = 'Washington sanctions Havana: Russia and Cuba are strategic allies';
const body = paras.slice(4, -1).join('\n\n');
const now = new Date('2024-11-24T12:00:00Z');

describe('enrich on the reference sample', () => {
  const result = enrich({ headline, bodyText: body }, now);
  const names = (list: { name: string }[]) => list.map((e) => e.name);

  it('matches the contract', () => {
    expect(() => EnrichmentV1.parse(result)).not.toThrow();
  });

  it('detects English and counts words', () => {
    expect(result.language).toBe('en');
    expect(result.languageSupported).toBe(true);
    expect(result.wordCount).toBeGreaterThan(340);
    expect(result.wordCount).toBeLessThan(370);
    expect(result.readingTimeSeconds).toBeGreaterThan(60);
  });

  it('finds the people, linking surnames to full names', () => {
    const people = names(result.people);
    for (const p of ['Miguel Diaz-Canel', 'Vladimir Putin', 'Raul Castro', 'Dimitri Peskov', 'Yuri Borisov', 'Dimitri Medvedev', 'Kirill', 'Pope Francis']) {
      expect(people).toContain(p);
    }
    expect(result.people.find((p) => p.name === 'Vladimir Putin')?.mentions).toBe(4);
    expect(people).not.toContain('Havana');
    expect(people).not.toContain('Washington');
    expect(people.some((p) => /Russian|Cuban/.test(p))).toBe(false);
  });

  it('finds places with country codes and GeoNames ids', () => {
    const byName = new Map(result.places.map((p) => [p.name, p]));
    const expected: [string, string][] = [['Havana', 'CU'], ['Moscow', 'RU'], ['Washington', 'US'], ['Cuba', 'CU'], ['Russia', 'RU'], ['Venezuela', 'VE'], ['Nicaragua', 'NI'], ['United States', 'US']];
    for (const [name, cc] of expected) expect(byName.get(name)?.countryCode).toBe(cc);
    expect(byName.get('Moscow')?.geonameId).toBe(524901);
  });

  it('links countries to their Wikidata items, and only countries', () => {
    const byName = new Map(result.places.map((p) => [p.name, p]));
    expect(byName.get('Cuba')?.wikidataId).toBe('Q241');
    expect(byName.get('Russia')?.wikidataId).toBe('Q159');
    expect(byName.get('United States')?.wikidataId).toBe('Q30');
    expect(byName.get('Moscow')?.wikidataId).toBeUndefined();
  });

  it('treats the Kremlin as an organisation located in Moscow', () => {
    const kremlin = result.organisations.find((o) => o.name === 'Kremlin');
    expect(kremlin?.located).toMatchObject({ name: 'Moscow', countryCode: 'RU' });
    expect(names(result.organisations)).toContain('UN General Assembly');
  });

  it('classifies the story as politics', () => {
    expect(result.subjects?.[0].code).toBe('medtop:11000000');
    expect(result.subjects?.[0].terms.length).toBeGreaterThan(0);
  });

  it('summarises with the lead and extracts key phrases', () => {
    expect(result.summary?.startsWith('Miguel Diaz-Canel, Cuban president')).toBe(true);
    expect(result.keywords?.map((k) => k.text)).toContain('strategic allies');
  });

  it('records provenance for each annotation', () => {
    const annotations = result.provenance.map((p) => p.annotation);
    for (const a of ['language', 'counts', 'entities', 'subjects', 'keywords', 'summary']) expect(annotations).toContain(a);
    for (const p of result.provenance) expect(p.version).toBeTruthy();
  });
});

describe('enrich with masthead, tagline and footer left in the text', () => {
  const result = enrich({ headline: '', bodyText: raw }, now);
  const all = [...result.people, ...result.organisations, ...result.places].map((e) => e.name);

  it('invents nothing from them', () => {
    for (const bad of ['Daily Impact European', 'Daily Impact', 'Impact European', 'We', 'About The Author', 'Author']) expect(all).not.toContain(bad);
    expect(result.people.map((p) => p.name)).toContain('Vladimir Putin');
  });
});

describe('enrich on other inputs', () => {
  it('marks unsupported languages but still counts', () => {
    const r = enrich({ headline: 'El Gobierno aprueba el plan', bodyText: 'El presidente del Gobierno anunció el martes un plan para reducir los precios de la vivienda en las grandes ciudades, según fuentes del ministerio de Economía.' }, now);
    expect(r.language).toBe('es');
    expect(r.languageSupported).toBe(false);
    expect(r.wordCount).toBe(26);
    expect(r.people).toEqual([]);
    expect(r.summary).toMatch(/^El presidente/);
  });

  it('classifies text whose words name members of a plain object (constructor), which used to throw', () => {
    const r = enrich({ headline: 'Constructor hands over the stadium before the cup final', bodyText: 'The constructor handed the new football stadium to the club on Monday, days before the cup final. The striker scored twice as the team won the league match, and the coach praised the players and the fans.' }, now);
    expect(r.subjects?.length).toBeGreaterThan(0);
    expect(r.subjects?.every((s) => Number.isFinite(s.score))).toBe(true);
    expect(r.subjects?.[0].name).toMatch(/sport/i);
  });

  it('reads the dateline and uses it as the located place', () => {
    const r = enrich({ headline: 'Talks resume', bodyText: 'DOHA, Jan 15 (Reuters) - Negotiators resumed talks in Doha on Wednesday, officials said.' }, new Date('2025-01-16T00:00:00Z'));
    expect(r.dateline).toMatchObject({ date: '2025-01-15', source: 'Reuters', place: { name: 'Doha', countryCode: 'QA' } });
    expect(r.located).toMatchObject({ name: 'Doha', from: 'dateline' });
    expect(r.summary).toBe('Negotiators resumed talks in Doha on Wednesday, officials said.');
  });

  it('prefers the source language, dateline and located place when given', () => {
    const r = enrich({ headline: 'h', bodyText: 'Some text here.', language: 'en-GB', located: 'Paris', dateline: 'LYON, Nov 2', firstCreated: '2024-11-02T08:00:00Z' }, now);
    expect(r.languageConfidence).toBe(1);
    expect(r.languageSupported).toBe(true);
    expect(r.located).toMatchObject({ name: 'Paris', countryCode: 'FR', from: 'source' });
    expect(r.dateline?.date).toBe('2024-11-02');
  });
});

describe('enrichment size', () => {
  it('stays within ENRICHMENT_MAX_BYTES whatever the text, keeping the most salient entities', () => {
    // About 700 KB naming thousands of distinct people, organisations and places: the worst a budget-sized article can do.
    const first = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Marco', 'Nadia', 'Omar', 'Pia'];
    const last = ['Walker', 'Petrov', 'Silva', 'Okafor', 'Tanaka', 'Muller', 'Rossi', 'Haddad', 'Novak', 'Larsen', 'Moreau', 'Kowalski', 'Berg', 'Costa', 'Ivanova', 'Sato'];
    const sentences: string[] = [];
    for (let i = 0; sentences.join(' ').length < 700_000; i++) {
      const person = `${first[i % 16]} ${last[Math.floor(i / 16) % 16]}${i >= 256 ? `-${last[Math.floor(i / 256) % 16]}` : ''}`;
      sentences.push(`President ${person} told the Ministry of Trade ${i} in Paris on Monday that Acme Holdings ${i} Inc would expand to Berlin.`);
    }
    const e = enrich({ headline: 'Many names', bodyText: sentences.join(' '), language: 'en' }, new Date('2026-12-01T00:00:00Z'));
    expect(Buffer.byteLength(JSON.stringify(e))).toBeLessThanOrEqual(ENRICHMENT_MAX_BYTES);
    expect(e.people.length).toBeGreaterThan(50);
    expect(e.people.length).toBeLessThanOrEqual(MAX_ENTITIES_PER_TYPE);
  });
});

describe('enrichment of a text of one name over and over', () => {
  // What a broken or hostile feed can send (tools/bench/hostile-texts.ts; bench:enrichment times them at 256 KB): the runs
  // of capitalised words are cut, abbreviations end no sentence, and the name is still read as the one entity it is.
  it.each([
    ['en', 'U.S. ', 'places', 'United States'],
    ['de', 'U.S. ', 'places', 'United States'],
    ['en', 'New York ', 'places', 'New York'],
    ['en', 'John Smith, ', 'people', 'John Smith'],
    ['de', 'John Smith, ', 'people', 'John Smith'],
  ] as const)('%s %j', (language, unit, list, name) => {
    const e = enrich({ headline: 'Headline', bodyText: unit.repeat(2000), language }, new Date('2026-12-01T00:00:00Z'));
    expect(e[list].map((x) => x.name)).toEqual([name]);
    expect(e.people.length + e.organisations.length + e.places.length).toBe(1);
  });
});

describe('enrich on any text', () => {
  // Words that reach the extractor's edge cases (names running to the end of the text, elisions, hyphenated
  // prefixes, Object.prototype's member names) mixed with arbitrary graphemes and lone code units.
  const words = ['The', 'constructor', 'said', 'in', 'Paris', 'de', 'la', 'und', 'der', 'Ministerio', "l'État", 'U.S.', 'Mr.', 'of', 'and', 'for', 'Bank', 'England', '(', ')', '"', '«', '»', '—', "'s", 'St.', 'al-Assad', 'Jean-Pierre', 'BBC', 'ONU', 'PS', 'aboard', 'Institute', 'Ministry', 'Agriculture,', 'Department', 'Commission', 'Office', 'UK', 'Guardia', 'Civil', 'Microsofts', 'Ifølge', 'Stortinget', 'Helsingissä', 'STT:n', 'og', 'ja', '.', ',', '\n', '\n\n', 'PARIS,', '(AFP)', '-', 'toString', '__proto__', 'hasOwnProperty', 'Σ', 'İstanbul', '\u0301', '\u200b', '😀', '\ud800', 'ITV4', 'TNT', 'Sports', '2', 'Ein', 'Zug', 'General', 'New', "People's", 'on', 'Health', 'Canada', 'Shares', 'Dominique', 'empresa', '(AAPL.O)', 'Police', 'Chief', 'River', 'Supreme', 'Court', 'India', "Moody's", 'Moody', '500', 'index', 'Composite', 'Transit', 'Port', 'Bay', 'Greater', 'Manchester', 'Devon', 'Somerset', 'Fire', 'Rescue', 'Service', "Lord's", 'LeBron', 'U.K.', 'South', 'Academy', 'Sciences', 'AeroSystems', 'founder', 'Corps', 'Key', 'Florida', 'Texas', '&', 'Power', 'Trinidad', 'Tobago', 'held', 'off', 'traded', '1-1', 'drew', 'with', 'Harrison', 'Ford', 'Michael', 'Dell', 'Sentinel', 'Post-Gazette', "Mary's", 'Catholic', 'School', 'Economic', 'Community', 'States', 'ScotRail', 'cancelled', 'maker', 'Bavarian', 'Nordic', 'Maersk', 'Line', 'Gaza', 'City', 'French-Canadians', 'Falcon', 'Heavy', 'rocket', 'SPORT', 'NATO', 'its', 'cut', "Moody's", 'Investors', 'AAA', 'at', 'Mosque', 'Synagogue', 'Shrine', 'Chapel', 'Staatsanwaltschaft', 'Sachsens', 'Regierungschef', 'Lyonnais', 'Rassemblement', 'Tyler', 'Herro', 'Austin', 'Reaves', 'Hole', 'Ketanji', 'Seamer', 'CEO', 'CFO', 'UnitedHealthcare', 'leaders', 'Taoiseach', 'Jun', 'Jan', '5', 'Chief', 'Financial', 'Officer', 'Israel', 'Katz', '-', 'The']
  const text = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 }).map((w) => w.join(' '));
  const language = fc.constantFrom(undefined, 'en', 'fr', 'es', 'de', 'it', 'pt', 'nl', 'sv', 'nb', 'nn', 'no', 'da', 'fi', 'fr-CA', 'nb-NO', 'xx', 'constructor');

  it('never throws and always fits the contract (a throw sends the story to the dead letters)', () => {
    fc.assert(fc.property(text, text, language, (headline, bodyText, lang) => EnrichmentV1.safeParse(enrich({ headline, bodyText, language: lang }, now)).success), { numRuns: 400 });
  });

  it('reads the dateline against now when the given creation time is unreadable', () => {
    const r = enrich({ headline: 'H', bodyText: 'PARIS, Nov 24 (Reuters) - Talks resumed.', firstCreated: 'not a date' }, now);
    expect(r.dateline?.date).toBe('2024-11-24');
  });

  it('reads a text that ends in a body\'s head word, in a language whose body names take a lower-case adjective', () => {
    // The check for a line break after the name looked past the last word and threw.
    for (const language of ['fr', 'es', 'it', 'pt']) expect(() => enrich({ headline: '', bodyText: 'Department', language }, now)).not.toThrow();
    expect(enrich({ headline: 'Bruxelles', bodyText: 'Une réunion est prévue à la Commission', language: 'fr' }, now).language).toBe('fr');
  });
  it("reads no entity into a wire headline's desk labels", () => {
    const headline = 'UPDATE 2-EXCLUSIVE-Boeing to cut 10% of jobs';
    const bodyText = 'SEATTLE (Reuters) - Boeing Co will cut 10% of its workforce, Chief Executive Kelly Ortberg said.';
    const e = enrich({ headline, bodyText, language: 'en' });
    expect(e.organisations.map((o) => o.name)).toEqual(expect.arrayContaining(['Boeing', 'Reuters']));
    expect(e.organisations.map((o) => o.name)).not.toContain('UPDATE');
  });
});
