import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from './parse-document';
import { isSupportedMediaType, sniffFormat, sniffPlainText } from './sniff';

const fixtures = join(__dirname, '../../fixtures');
const read = (path: string) => readFileSync(join(fixtures, path));

describe('what text/plain really is', () => {
  it.each([
    ['iptc-7901/english-refile.txt', 'iptc-7901'],
    ['iptc-7901/german-sperrfrist.txt', 'iptc-7901'],
    ['anpa-1312/story.tst', 'anpa-1312'],
    ['anpa-1312/tabular.tst', 'anpa-1312'],
    ['newsml-1/text-item.xml', 'newsml-1'],
    ['newsml-g2/news-message.xml', 'newsml-g2'],
    ['agency-json/afp-docs.json', 'afp-json'],
    ['daily-impact-european-2024-11-24.txt', 'plaintext'],
    ['hostile/plain.txt', 'plaintext'],
  ])('%s posted as text/plain is read as %s', (path, format) => {
    const outcome = parseDocument({ body: read(path), contentType: 'text/plain; charset=utf-8' });
    expect(outcome.format).toBe(format);
    expect(outcome.items.some((i) => i.ok)).toBe(true);
  });

  it('reads the reference sample posted as text/plain exactly as before', () => {
    const [item] = parseDocument({ body: read('daily-impact-european-2024-11-24.txt'), contentType: 'text/plain' }).items;
    expect(item).toMatchObject({ ok: true, article: { headline: 'Washington sanctions Havana: Russia and Cuba are strategic allies', publisher: 'Daily Impact European' } });
  });

  it('tells wire text by its control characters, or by a 7901 header line a gateway left without them', () => {
    expect(sniffFormat('\u0016\u0016\u0001a0412\u001fasian\nr i\u0013\u0011 BC-X 11-13 0210\n\u0002^Head<')).toBe('anpa-1312');
    expect(sniffFormat('\u0001eca0417 3 i 212\r\n\u0002Head =')).toBe('iptc-7901');
    expect(sniffFormat('\u0002Only a text opened =\r\n\r\nText.')).toBe('iptc-7901');
    expect(sniffFormat('eca0417 3 i 212 ccccb   exp 0231\r\n\r\nNetherlands/port/\r\nHead =')).toBe('iptc-7901');
    expect(sniffFormat('Markets rally\n\nStocks rose 3 i 212 points.')).toBe('plaintext');
    expect(sniffFormat('A story with a stray \u0003 byte and \u0004 another.')).toBe('plaintext');
  });

  it('keeps text that merely starts with a bracket as plain text; unknown XML goes to the plain-text reader, which refuses markup', () => {
    expect(sniffPlainText('[UPDATE] Markets rally\n\nStocks rose.')).toBe('plaintext');
    expect(sniffPlainText('{"uri":"u","headline":"H","body_text":"B"}')).toBe('ninjs');
    expect(sniffPlainText('<svg><g/></svg>')).toBe('plaintext');
    expect(parseDocument({ body: '<?xml version="1.0"?><svg><g a="1"/><g b="2"/></svg>', contentType: 'text/plain' }).items[0]).toMatchObject({ ok: false, code: 'not-a-story' });
  });

  it('refuses entity fragments posted as text/plain with not-a-story and a reason', () => {
    for (const path of ['hostile/entity-fragment.txt', 'hostile/nested-entities.txt', 'hostile/entity-references.txt']) {
      const outcome = parseDocument({ body: read(path), contentType: 'text/plain' });
      expect(outcome).toMatchObject({ format: 'plaintext', items: [{ ok: false, code: 'not-a-story', reason: expect.stringMatching(/not a story/) }] });
    }
  });
});

describe('media types of the new formats', () => {
  it.each([
    ['application/vnd.iptc.newsml+xml', 'newsml-1/text-item.xml', 'newsml-1'],
    ['application/x-anpa-1312', 'anpa-1312/story.tst', 'anpa-1312'],
    ['text/x-anpa-1312', 'anpa-1312/story.tst', 'anpa-1312'],
    ['application/x-iptc-7901', 'iptc-7901/english-refile.txt', 'iptc-7901'],
    ['text/x-iptc-7901', 'iptc-7901/english-refile.txt', 'iptc-7901'],
    [undefined, 'newsml-1/embargoed-nitf.xml', 'newsml-1'],
    ['application/xml', 'newsml-1/correction-and-update.xml', 'newsml-1'],
  ])('%s: %s is read as %s', (contentType, path, format) => {
    if (contentType) expect(isSupportedMediaType(contentType)).toBe(true);
    const outcome = parseDocument({ body: read(path), contentType });
    expect(outcome.format).toBe(format);
    expect(outcome.items[0].ok).toBe(true);
  });
});
