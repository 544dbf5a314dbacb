import { commonNounsFor, nounsNamingPlacesFor } from './common-nouns';
import { extractEntities } from './entities';

const names = (text: string) => {
  const e = extractEntities(text, { language: 'de' });
  return { people: e.people.map((p) => p.name), places: e.places.map((p) => p.name), organisations: e.organisations.map((o) => o.name) };
};

describe('German common nouns against the tagger', () => {
  it('lists common nouns in their inflected forms and no proper nouns', () => {
    const nouns = commonNounsFor('de');
    for (const word of ['Motiv', 'Salon', 'Prinzessin', 'Prinzen', 'Fußballer', 'Regierung']) expect(nouns?.has(word)).toBe(true);
    // Wiktionary marks these as surnames, places or first names too: they may be names.
    for (const word of ['Merkel', 'Berlin', 'Fischer', 'William', 'Mitte']) expect(nouns?.has(word)).toBe(false);
    expect(commonNounsFor('en')).toBeUndefined();
  });

  it('drops a lone common noun the tagger took for a place', () => {
    const found = names('Der Salon in Herzberg blieb am Donnerstag geschlossen. Das Motiv der Tat ist unklar, sagte die Polizei in Brandenburg.');
    expect(found.places).toEqual(expect.arrayContaining(['Herzberg', 'Brandenburg']));
    expect([...found.places, ...found.people, ...found.organisations]).not.toContain('Motiv');
  });

  it('reads a noun that is also a town as the noun after an article, and the town alone', () => {
    for (const word of ['Zug', 'Essen', 'Halle']) expect(nounsNamingPlacesFor('de')?.has(word)).toBe(true);
    expect(nounsNamingPlacesFor('en')).toBeUndefined();
    expect(names('Wieder zurück in dem Zug fahren wir weiter nach Süden. Das Essen war kalt.').places).toEqual([]);
    expect(names('Der Oberbürgermeister von Essen sagte am Montag in Zug, die Stadt Halle sei Partner.').places).toEqual(expect.arrayContaining(['Essen', 'Zug', 'Halle']));
    // A river takes an article: still the place.
    expect(names('An der Elbe steigt das Wasser.').places).toEqual(['Elbe']);
  });

  it('reads a sentence-opening possessive before its noun as no name ("Seine Frau")', () => {
    expect(names('Seine Frau sagte, sie komme aus Bonn.').places).toEqual(['Bonn']);
  });

  it('cuts a role noun off the front of a person', () => {
    expect(names('Prinzen William und Harry besuchten das Grab. Diana war 1997 in Paris ums Leben gekommen.').people).toEqual(expect.arrayContaining(['William', 'Harry', 'Diana']));
  });

  it('keeps name particles, and a surname that is also a noun when the text gives the full name', () => {
    expect(names('Ursula von der Leyen besuchte am Mittwoch die Bundeswehr in Bonn.').people).toEqual(['Ursula von der Leyen']);
    const fischer = extractEntities('Joschka Fischer sprach in Berlin. Fischer sagte, die Lage sei ernst.', { language: 'de' }).people;
    expect(fischer.map((p) => [p.name, p.surfaceForms])).toEqual([['Joschka Fischer', ['Joschka Fischer', 'Fischer']]]);
  });
});
