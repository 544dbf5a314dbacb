import { englishNames, surfaceSentences } from './treebank';

// Made-up sentences in the treebanks' formats, not their text.
const FRENCH = [
  '# sent_id = n01',
  "# text = Le président des États-Unis a parlé d'Obama.",
  '# text_en = The president of the United States spoke of Obama.',
  '1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_',
  '2\tprésident\tprésident\tNOUN\t_\t_\t7\tnsubj\t_\t_',
  '3-4\tdes\t_\t_\t_\t_\t_\t_\t_\t_',
  '3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_',
  '4\tles\tle\tDET\t_\t_\t5\tdet\t_\t_',
  '5\tÉtats-Unis\tÉtats-Unis\tPROPN\t_\t_\t2\tnmod\t_\t_',
  '6\ta\tavoir\tAUX\t_\t_\t7\taux\t_\t_',
  '7\tparlé\tparler\tVERB\t_\t_\t0\troot\t_\t_',
  "8\td'\tde\tADP\t_\t_\t9\tcase\t_\tSpaceAfter=No",
  '9\tObama\tObama\tPROPN\t_\t_\t7\tobl\t_\tSpaceAfter=No',
  '10\t.\t.\tPUNCT\t_\t_\t7\tpunct\t_\t_',
  '',
].join('\n');

const ENGLISH = [
  '# sent_id = n01-0001',
  '# text = The president of the United States spoke of Obama.',
  '1\tThe\tO\t-\t-',
  '2\tpresident\tO\t-\t-',
  '3\tof\tO\t-\t-',
  '4\tthe\tO\t-\t-',
  '5\tUnited\tB-LOC\t-\t-',
  '6\tStates\tI-LOC\t-\t-',
  '7\tspoke\tO\t-\t-',
  '8\tof\tO\t-\t-',
  '9\tObama\tB-PER\t-\t-',
  '10\t.\tO\t-\t-',
  '',
].join('\n');

describe('Parallel UD news sentences for the projected labels', () => {
  it('reads the surface words (a contraction is one word), proper nouns and spacing, and gives back the text as written', () => {
    const [s] = surfaceSentences(FRENCH);
    expect(s.words).toEqual(['Le', 'président', 'des', 'États-Unis', 'a', 'parlé', "d'", 'Obama', '.']);
    expect(s.proper).toEqual([false, false, false, true, false, false, false, true, false]);
    expect(s.words.map((w, k) => w + (s.spaceAfter[k] && k < s.words.length - 1 ? ' ' : '')).join('')).toBe(s.text);
    expect(s.textEn).toBe('The president of the United States spoke of Obama.');
  });

  it("reads Universal NER's English names per sentence text", () => {
    expect(englishNames(ENGLISH).get('The president of the United States spoke of Obama.')).toEqual([
      { type: 'LOC', surface: 'United States' },
      { type: 'PER', surface: 'Obama' },
    ]);
  });
});
