import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlainTextDocument } from './plaintext-outcome';
import { markupFragmentReason } from './markup-fragment';

const hostile = (name: string) => readFileSync(join(__dirname, '../../fixtures/hostile', name));

describe('markup sent as plain text', () => {
  it.each([
    ['entity-fragment.txt', /markup declarations/],
    ['nested-entities.txt', /markup declarations/],
    ['entity-references.txt', /hardly any text/],
  ])('hostile/%s is refused as not a story, with the reason', (name, reason) => {
    expect(parsePlainTextDocument(hostile(name)).items).toEqual([expect.objectContaining({ ok: false, code: 'not-a-story', reason: expect.stringMatching(reason) })]);
  });

  it('refuses a DTD, a parameter entity and an XML document of no news format', () => {
    expect(markupFragmentReason('<!ELEMENT doc (#PCDATA)>\n<!ATTLIST doc id ID #IMPLIED>')).toBeDefined();
    expect(markupFragmentReason('%HTMLlat1;')).toBeDefined();
    expect(markupFragmentReason('<?xml version="1.0"?><root><a x="1"/><b y="2"/><c/></root>')).toBeDefined();
  });

  it('reads stories with markup, entities or few letters as stories', () => {
    expect(markupFragmentReason(hostile('plain.txt').toString())).toBeUndefined();
    expect(markupFragmentReason('Markets rally\n\nStocks &amp; bonds rose &mdash; again.')).toBeUndefined();
    expect(markupFragmentReason('DAX 18.432,10 +0,4 %\nMDAX 26.120,55 -0,2 %\nTecDAX 3.401,22 +1,1 %')).toBeUndefined();
  });

  it('judges a huge input in bounded time', () => {
    const started = performance.now();
    markupFragmentReason('&amp;'.repeat(4_000_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
