import { tokenize } from '../tokens';
import { FEATURE_SET, hashString, LABELS, N_LABELS, N_STATIC, NO_LEXICON, SentenceFeatures } from './features';
import { decodeModel, encodeModel } from './model-file';
import { taggerFor } from './models';
import { allowed, decodeSentence, spansOf, Tagger, type TaggedSpan } from './tagger';

const label = (name: string) => LABELS.indexOf(name as (typeof LABELS)[number]);

/** The tagger's names in a text, as "type:surface". */
function tagged(language: string, text: string): string[] {
  const toks = tokenize(text);
  const spans = taggerFor(language)!.tag(
    toks.map((t) => t.text),
    (i) => toks[i].sentStart,
  );
  return spans.map((s) => `${s.type}:${text.slice(toks[s.from].start, toks[s.to - 1].end)}`);
}

describe('feature hashing', () => {
  it('is deterministic across calls and processes (FNV-1a, no seed)', () => {
    expect(hashString('Paris')).toBe(hashString('Paris'));
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c); // FNV-1a 32-bit test vector
    const a = new SentenceFeatures(18);
    const b = new SentenceFeatures(18);
    const words = ['Angela', 'Merkel', 'visited', 'Paris', '.'];
    a.compute(words, 0, words.length, NO_LEXICON, true);
    b.compute(words, 0, words.length, NO_LEXICON, true);
    expect(Array.from(a.index.slice(0, words.length * N_STATIC))).toEqual(Array.from(b.index.slice(0, words.length * N_STATIC)));
    expect(Math.max(...a.index.slice(0, words.length * N_STATIC))).toBeLessThan(1 << 18);
  });

  it('tells words, case and neighbours apart', () => {
    const f = new SentenceFeatures(18);
    f.compute(['Paris', 'paris', 'Paris'], 0, 3, NO_LEXICON, false);
    const row = (k: number) => Array.from(f.index.slice(k * N_STATIC, (k + 1) * N_STATIC));
    expect(row(0)[2]).not.toBe(row(1)[2]); // exact form differs by case
    expect(row(0)[1]).toBe(row(1)[1]); // lower-case form is shared
    expect(row(0)).not.toEqual(row(2)); // same word, other neighbours
  });
});

describe('decoding', () => {
  it('never starts a name with I- and reads BIO labels back as spans', () => {
    expect(allowed(label('I-PER'), label('O'))).toBe(false);
    expect(allowed(label('I-PER'), label('B-PER'))).toBe(true);
    expect(allowed(label('I-ORG'), label('B-PER'))).toBe(false);
    const spans: TaggedSpan[] = [];
    spansOf(Uint8Array.from([1, 2, 0, 5, 3, 4, 4]), 7, 10, spans);
    expect(spans).toEqual([
      { type: 'person', from: 10, to: 12 },
      { type: 'place', from: 13, to: 14 },
      { type: 'organisation', from: 14, to: 17 },
    ]);
  });

  it('takes the best allowed label: weights favouring I-PER everywhere give B-PER then I-PER', () => {
    const bits = 8;
    const weights = new Float32Array(N_LABELS << bits);
    for (let slot = 0; slot < 1 << bits; slot++) {
      weights[slot * N_LABELS + label('I-PER')] = 2;
      weights[slot * N_LABELS + label('B-PER')] = 1;
    }
    const f = new SentenceFeatures(bits);
    f.compute(['Jean', 'Dupont', 'Martin'], 0, 3, NO_LEXICON, true);
    const out = new Uint8Array(3);
    decodeSentence({ bits, weights }, f, out);
    expect(Array.from(out)).toEqual([label('B-PER'), label('I-PER'), label('I-PER')]);
  });
});

describe('model files', () => {
  it('round-trip through int16 quantisation and refuse another feature set', () => {
    const bits = 6;
    const weights = new Float32Array(N_LABELS << bits).map((_, i) => Math.sin(i) * 3);
    const file = encodeModel('xx', { bits, weights });
    const back = decodeModel(file);
    expect(back.weights.length).toBe(weights.length);
    const err = Math.max(...Array.from(weights, (w, i) => Math.abs(w - back.weights[i] * file.scale)));
    expect(err).toBeLessThan(1e-3);
    expect(() => decodeModel({ ...file, featureSet: `${FEATURE_SET}-old` })).toThrow(/format/);
  });

  it('loads a language on first use, keeps it, and has none for an untrained language', () => {
    expect(taggerFor('xx')).toBeUndefined();
    const fr = taggerFor('fr');
    expect(fr).toBeInstanceOf(Tagger);
    expect(taggerFor('fr')).toBe(fr);
  });
});

describe('trained models', () => {
  it.each([
    ['en', 'Angela Merkel met Joe Biden at the White House in Washington on Monday.', ['person:Angela Merkel', 'person:Joe Biden', 'place:Washington']],
    ['fr', 'Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin.', ['person:Emmanuel Macron', 'person:Olaf Scholz', 'place:Berlin']],
    ['es', 'El presidente Pedro Sánchez viajó a Barcelona con el Real Madrid.', ['person:Pedro Sánchez', 'place:Barcelona', 'organisation:Real Madrid']],
    ['de', 'Bundeskanzler Olaf Scholz traf in München den Vorstand von Siemens.', ['person:Olaf Scholz', 'place:München', 'organisation:Siemens']],
    ['it', 'Il presidente Sergio Mattarella ha visitato Milano.', ['person:Sergio Mattarella', 'place:Milano']],
    ['nl', 'Mark Rutte sprak dinsdag in Amsterdam met de directie van Philips.', ['person:Mark Rutte', 'place:Amsterdam', 'organisation:Philips']],
    ['pt', 'O presidente Lula da Silva visitou Lisboa.', ['person:Lula da Silva', 'place:Lisboa']],
  ])('%s: tags the people, places and organisations of a plain sentence', (language, text, expected) => {
    expect(tagged(language, text)).toEqual(expect.arrayContaining(expected));
  });
});
