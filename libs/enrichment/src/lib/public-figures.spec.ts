import publicPeople from '../data/people.public.json';
import { gazetteerFor, publicFiguresOf } from './gazetteer';
import { fold } from './tokens';

describe('public figures named by surname alone', () => {
  const g = gazetteerFor('en');

  it('keys each row by its surname and other spellings, never by a known place, body, common word or title', () => {
    const figures = g.publicFigures!;
    expect(figures.get('putin')).toBe('Vladimir Putin');
    expect(figures.get('zelensky')).toBe('Volodymyr Zelenskyy');
    expect(figures.get('xi')).toBe('Xi Jinping');
    for (const key of figures.keys()) {
      expect({ key, place: g.places.has(key), org: g.orgs.has(key) }).toEqual({ key, place: false, org: false });
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
});
