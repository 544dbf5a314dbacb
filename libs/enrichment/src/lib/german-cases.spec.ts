import { germanCaseForms } from './german-cases';

describe('germanCaseForms', () => {
  it('gives the weak and genitive forms of a name with adjectives', () => {
    expect(germanCaseForms('europaische zentralbank', true)).toEqual(expect.arrayContaining(['europaischen zentralbank']));
    expect(germanCaseForms('statistisches bundesamt', true)).toEqual(expect.arrayContaining(['statistischen bundesamt', 'statistischen bundesamtes', 'statistische bundesamt']));
    expect(germanCaseForms('vereinte nationen', false)).toContain('vereinten nationen');
    expect(germanCaseForms('deutscher wetterdienst', true)).toContain('deutschem wetterdienst');
    expect(germanCaseForms('internationaler wahrungsfonds', true)).toEqual(expect.arrayContaining(['internationalen wahrungsfonds', 'internationale wahrungsfonds']));
    // After a sibilant the genitive is -es only.
    expect(germanCaseForms('weisses haus', true)).toEqual(expect.arrayContaining(['weissen haus', 'weissen hauses']));
    expect(germanCaseForms('weisses haus', true)).not.toContain('weissen hauss');
  });

  it('leaves alone what has no case form to give', () => {
    // A place of plain nouns: the extractor reads its genitive itself.
    expect(germanCaseForms('sankt petersburg', false)).toEqual([]);
    // A one-word name: "Microsofts Chef" is read by the extractor, which keeps "Microsoft" as the surface.
    expect(germanCaseForms('microsoft', true)).toEqual([]);
    // An acronym-like or numbered last word has no ending. (A noun that looks like an adjective, "Hannover",
    // gives a form no text writes: harmless, as it can only match that very spelling.)
    expect(germanCaseForms('hannover 96', true).filter((f) => f.endsWith('s'))).toEqual([]);
    expect(germanCaseForms('bank bbc', true)).toEqual([]);
    // The key itself is never among its forms.
    expect(germanCaseForms('deutsche bank', true)).not.toContain('deutsche bank');
  });
});
