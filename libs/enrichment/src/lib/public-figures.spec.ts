import publicPeople from '../data/people.public.json';
import { DEFAULT_GAZETTEER, gazetteerFor, publicFiguresOf } from './gazetteer';
import { fold } from './tokens';
import { rulesFor } from './entity-languages';
import { extractEntities } from './entities';

describe('public figures named by surname alone', () => {
  const g = gazetteerFor('en');

  it('keys each row by its surname and other spellings, never by a place, body, common word or title the seed lists know', () => {
    const figures = g.publicFigures!;
    // The same list in every language's gazetteer; a town some language knows besides ("Warren") is read as the town there.
    expect(gazetteerFor('de').publicFigures).toBe(figures);
    expect(figures.get('putin')).toBe('Vladimir Putin');
    expect(figures.get('zelensky')).toBe('Volodymyr Zelenskyy');
    expect(figures.get('xi')).toBe('Xi Jinping');
    expect(figures.get('poutine')).toBe('Vladimir Putin');
    // After a particle the last word is a common surname: "Lula da Silva" is keyed by "Lula" only.
    expect(figures.get('lula')).toBe('Luiz Inácio Lula da Silva');
    expect(figures.has('silva')).toBe(false);
    for (const key of figures.keys()) {
      expect({ key, place: DEFAULT_GAZETTEER.places.has(key), org: DEFAULT_GAZETTEER.orgs.has(key) }).toEqual({ key, place: false, org: false });
      expect([...g.common, ...g.titles].map(fold)).not.toContain(key);
    }
    // "LeBron James": a first name is no key.
    expect(figures.has('james')).toBe(false);
  });

  it('names a person as written where two rows claim one surname, or a row is a surname alone', () => {
    const figures = publicFiguresOf(
      [
        ['Ada Quorvex'],
        ['Bo Quorvex'],
        ['Gandhi'],
      ],
      g,
    );
    expect(figures.get('quorvex')).toBe('Quorvex');
    expect(figures.get('gandhi')).toBe('Gandhi');
    expect(publicPeople.people.length).toBeGreaterThan(200);
  });

  it("keys no row by a word a tagged language opens sentences with (\"Durant la guerre\", \"Son muchos\")", () => {
    const figures = g.publicFigures!;
    for (const language of ['fr', 'es', 'de', 'it', 'pt', 'nl']) {
      const clashes = [...rulesFor(language).common].filter((word) => figures.has(fold(word)));
      expect({ language, clashes }).toEqual({ language, clashes: [] });
    }
  });

  it('reads the figures of 2024-2026 news by surname alone in any language, and no sentence opener as one', () => {
    const people = (language: string, text: string) => extractEntities(text, { language }).people.map((p) => p.name);
    expect(people('fr', 'Sarkozy a fait appel. Durant la guerre, rien.')).toEqual(['Nicolas Sarkozy']);
    expect(people('de', 'Klingbeil und Wagenknecht stritten.')).toEqual(['Lars Klingbeil', 'Sahra Wagenknecht']);
    expect(people('es', 'Son muchos. Mamdani ganó en Nueva York.')).toEqual(['Zohran Mamdani']);
  });
});
