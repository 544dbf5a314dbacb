import { LABELS } from '@newswire/enrichment';
import { parseConllu, parseIo } from './conllu';

const tags = (text: string) => parseConllu(text).map((s) => [...s.labels].map((l) => LABELS[l]));

describe('NER training files', () => {
  it("reads NorNE's name= tags in its treebank and UD files; a geo-political entity is a place, products and events are nothing", () => {
    const ndt = ['1\tJonas\tJonas\tsubst\tsubst\tprop\t2\tSUBJ\t_\tname=B-PER', '2\tGahr\tGahr\tsubst\tsubst\tprop\t1\tFLAT\t_\tname=I-PER', '3\ti\ti\tprep\tprep\t_\t2\tADV\t_\tname=O', '4\tNorge\tNorge\tsubst\tsubst\tprop\t3\tPUTFYLL\t_\tname=B-GPE_ORG'].join('\n');
    const ud = ['# text = Equinor og iPhone i Bergen', '1\tEquinor\tEquinor\tPROPN\t_\t_\t0\troot\t_\tname=B-ORG', '2\tog\tog\tCCONJ\t_\t_\t3\tcc\t_\tname=O', '3\tiPhone\tiPhone\tPROPN\t_\t_\t1\tconj\t_\tname=B-PROD', '4\ti\ti\tADP\t_\t_\t5\tcase\t_\tname=O', '5\tBergen\tBergen\tPROPN\t_\t_\t1\tnmod\t_\tSpaceAfter=No|name=B-GPE_LOC'].join('\n');
    expect(tags(`${ndt}\n\n${ud}\n`)).toEqual([
      ['B-PER', 'I-PER', 'O', 'B-LOC'],
      ['B-ORG', 'O', 'O', 'O', 'B-LOC'],
    ]);
  });

  it('reads bare-type ("io") files: a run of one type is one name, MISC and 0 are nothing, tabs or spaces', () => {
    const io = 'Gunhild\tPER\nWestman\tPER\n,\t0\nlektor\t0\ni\t0\nLund\tLOC\n\nVolvo ORG\nCup MISC\n';
    expect(parseIo(io).map((s) => [...s.labels].map((l) => LABELS[l]))).toEqual([
      ['B-PER', 'I-PER', 'O', 'O', 'O', 'B-LOC'],
      ['B-ORG', 'O'],
    ]);
  });

  it('keeps plain BIO columns as they were; two-column files drop their document separators', () => {
    expect(tags('1\tParis\tB-LOC\n2\test\tO\n')).toEqual([['B-LOC', 'O']]);
    const twoColumns = parseConllu('-DOCSTART-\tO\n\nTurun\tB-ORG\nyliopisto\tI-ORG\nH&M\tB-ORG\nmallisto\tO\n', true);
    expect(twoColumns.map((s) => [s.words.join(' '), [...s.labels].map((l) => LABELS[l])])).toEqual([['Turun yliopisto H&M mallisto', ['B-ORG', 'I-ORG', 'B-ORG', 'O']]]);
  });
});
