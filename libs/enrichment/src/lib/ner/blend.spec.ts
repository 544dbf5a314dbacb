import { extractEntities, extractEntityMentions } from '../entities';
import { enrich } from '../enrich';
import { blendFor } from './blend';

// "Gesprächspartnern" is a compound no noun list holds: the rules read the body's name from it ("Vertretern der" they now leave out).
const GERMAN = 'Der Vorstand von Siemens traf sich am Montag in München mit Gesprächspartnern der Deutschen Bank. Laut Roland Busch wurde kein Vertrag unterzeichnet.';

describe('blending the tagger with the rules', () => {
  it('takes the tagger’s span where the rules over-reach, and keeps the gazetteer’s link and the offsets', () => {
    const rules = extractEntities(GERMAN, { language: 'de', blend: 'rules' });
    expect(rules.organisations.map((o) => o.name)).toContain('Gesprächspartnern der Deutschen Bank');
    const blended = extractEntities(GERMAN, { language: 'de' });
    // "der Deutschen Bank" is the dative of the name the gazetteer knows (german-cases.ts): the bank's entry.
    expect(blended.organisations.map((o) => o.name).sort()).toEqual(['Deutsche Bank', 'Siemens']);
    expect(blended.places).toEqual([expect.objectContaining({ name: 'Munich', countryCode: 'DE', geonameId: 2867714, surfaceForms: ['München'] })]);
    const mentions = extractEntityMentions(GERMAN, { language: 'de' });
    expect(mentions.map((m) => [m.type, GERMAN.slice(m.start, m.end)])).toEqual([
      ['organisation', 'Siemens'],
      ['place', 'München'],
      ['organisation', 'Deutschen Bank'],
      ['person', 'Roland Busch'],
    ]);
  });

  it('leaves English to the rules (its news set scores them 0.90, the tagger 0.77) and unknown languages too', () => {
    expect(blendFor('en')).toBe('rules');
    expect(blendFor('fi')).toBe('model');
    expect(blendFor('et')).toBe('rules');
    expect(blendFor('sv')).toBe('model');
    expect(blendFor('de')).toBe('model');
    expect(blendFor('nb')).toBe('model');
    expect(blendFor('da')).toBe('model');
    const text = 'Chancellor Olaf Scholz met executives of Siemens in Munich on Monday.';
    expect(extractEntities(text, { language: 'en' })).toEqual(extractEntities(text, { language: 'en', blend: 'rules' }));
  });

  it('runs the tagger in a language without word lists (Italian) over the English lists', () => {
    const e = extractEntities('Il presidente Sergio Mattarella ha incontrato i vertici della Fiat a Torino.', { language: 'it' });
    expect(e.people.map((p) => p.name)).toEqual(['Sergio Mattarella']);
    // Italian's own name for the city links to the gazetteer's entry (exonyms.seed.json), named as it is there.
    expect(e.places.map((p) => [p.name, p.surfaceForms])).toEqual([['Turin', ['Torino']]]);
  });

  it("mends the tagger's person spans: a first name before or alone, a known name leading a longer span", () => {
    const text =
      'O primeiro-ministro Luís Montenegro reuniu-se em Bruxelas com Ursula von der Leyen. Segundo Montenegro, Portugal vai cumprir as metas.';
    // Tagged "Luís" (and the country Montenegro), "Ursula" as a place and "Leyen" as a person.
    expect(extractEntities(text, { language: 'pt' }).people.map((p) => [p.name, p.surfaceForms])).toEqual([
      ['Luís Montenegro', ['Luís Montenegro', 'Montenegro']],
      ['Ursula von der Leyen', ['Ursula von der Leyen']],
    ]);
    // Tagged "Le Pen" at the sentence start.
    expect(extractEntities('Marine Le Pen a voté la motion de censure.', { language: 'fr' }).people.map((p) => p.name)).toEqual(['Marine Le Pen']);
    // Tagged "Nato Mark Rutte" as one body and "Milano la Borsa" as one place.
    const it = extractEntities('Giorgia Meloni ha incontrato il segretario della Nato Mark Rutte. A Milano la Borsa ha chiuso in rialzo.', { language: 'it' });
    expect(it.people.map((p) => p.name)).toEqual(['Giorgia Meloni', 'Mark Rutte']);
    expect(it.organisations.map((o) => o.name)).toEqual(['NATO']);
    expect(it.places.map((p) => [p.name, p.surfaceForms])).toContainEqual(['Milan', ['Milano']]);
    expect(it.places.map((p) => p.name)).not.toContain('Milano la Borsa');
  });

  it("reads an office's portfolio as no place and no body, and the office holder after it as a person", () => {
    const es = extractEntities('La ministra de Seguridad, Patricia Bullrich, y el jefe de Gabinete, Guillermo Francos, asistieron.', { language: 'es' });
    expect(es.places).toEqual([]);
    expect(es.people.map((p) => p.name)).toEqual(['Patricia Bullrich', 'Guillermo Francos']);
    const fr = extractEntities("Le ministre des Armées Sébastien Lecornu s'est rendu à Kiev.", { language: 'fr' });
    expect(fr.people.map((p) => p.name)).toEqual(['Sébastien Lecornu']);
    expect(fr.organisations).toEqual([]);
  });

  it('lets a longer name the rules know replace the tagger spans it covers', () => {
    const fr = extractEntities('La Commission régionale a signé à Bruxelles, a déclaré Emmanuel Macron.', { language: 'fr' });
    expect(fr.organisations.map((o) => o.name)).toEqual(['Commission régionale']);
    // A name the gazetteer knows replaces the tagger's spans too, linked to its entry.
    const known = extractEntities('La Commission européenne a signé à Bruxelles, a déclaré Emmanuel Macron.', { language: 'fr' });
    expect(known.organisations.map((o) => [o.name, o.surfaceForms])).toEqual([['European Commission', ['Commission européenne']]]);
    const pt = extractEntities('O primeiro-ministro do Reino Unido visitou Lisboa.', { language: 'pt' });
    // Portuguese country names are in its gazetteer: the country, by its canonical name, as the text wrote it.
    expect(pt.places.map((p) => [p.name, p.countryCode, p.surfaceForms])).toContainEqual(['United Kingdom', 'GB', ['Reino Unido']]);
    expect(pt.organisations).toEqual([]);
  });

  it('reads a gazetteer acronym only in capitals, or alone in title case ("Nato")', () => {
    const pt = extractEntities('O Reino Unido e a UNIDO reuniram-se.', { language: 'pt', blend: 'rules' });
    expect(pt.organisations.map((o) => [o.name, o.surfaceForms])).toEqual([['UNIDO', ['UNIDO']]]);
    expect(extractEntities('Nato allies met Unesco officials.', { language: 'en' }).organisations.map((o) => o.name).sort()).toEqual(['NATO', 'UNESCO']);
    expect(extractEntities('Mit dem Plan war niemand zufrieden.', { language: 'de' }).organisations).toEqual([]);
  });

  it('keeps to the rules when the deployment turns the tagger off (ENTITY_TAGGER=off), and says so in the provenance', () => {
    const on = enrich({ headline: 'Siemens', bodyText: GERMAN, language: 'de' });
    const off = enrich({ headline: 'Siemens', bodyText: GERMAN, language: 'de' }, undefined, { tagger: false });
    expect(on.organisations.map((o) => o.name)).not.toContain('Gesprächspartnern der Deutschen Bank');
    expect(off.organisations.map((o) => o.name)).toContain('Gesprächspartnern der Deutschen Bank');
    const version = (e: typeof on) => e.provenance.find((p) => p.annotation === 'entities')?.version;
    expect(version(off)).toBe(`${version(on)}+rules-only`);
  });
});
