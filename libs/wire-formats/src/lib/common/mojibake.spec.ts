import fc from 'fast-check';
import { withoutMojibake } from './mojibake';
import { withoutControlsButLines } from './safe-text';

/** What an upstream system makes of UTF-8 it decodes as windows-1252 (WHATWG's, as browsers and most libraries: 0x81 is U+0081) and sends on as UTF-8. */
const cp1252 = new TextDecoder('windows-1252');
const doubled = (text: string) => cp1252.decode(Buffer.from(text, 'utf8'));

describe('withoutMojibake', () => {
  it.each([
    ['a pound sign', 'more than £4 million'],
    ['accented letters', 'Déjà vu à Zürich, São Paulo, Kraków, Łódź'],
    ['curly quotes and dashes', 'the world’s “most powerful” rack – and more…'],
    ['Greek, Cyrillic and Arabic', 'Αθήνα, Москва, القاهرة'],
    ['Chinese and an emoji', '香港行政长官 👍'],
  ])('reads %s decoded twice as they were written', (_case, text) => {
    expect(withoutMojibake(doubled(text))).toBe(text);
  });

  it('repairs through the sanitiser too, and after C1 controls a latin-1 decoder left', () => {
    const latin1Twice = Buffer.from('the world’s', 'utf8').toString('latin1');
    expect(withoutControlsButLines(latin1Twice)).toBe('the world’s');
  });

  it.each([
    'Ø·', '«Ø»',
    'Déjà vu à Zürich', 'São Paulo, ação, coração', 'Ñandú, año, ¿qué? ¡sí!', 'Straße, Grüße, Ärger', 'CAFÉ…', 'MÜ–NCHEN', '© 2024 Agence France-Presse', 'Temperatur 5 °C, ½ Liter',
  ])('leaves real text alone: %s', (text) => {
    expect(withoutMojibake(text)).toBe(text);
  });

  // No real word puts a windows-1252 symbol (œ, ‚, ™ ...) straight after Â, Ã, Ä or Å: the generator does not either.
  it('never changes words of Latin-1 letters with punctuation after a space', () => {
    const word = fc.array(fc.constantFrom(...'aeiouéèàùâêîôûëïüçñãõäöÄÖÜßÉÈÀÇÑØÅåøæÂÃ'.split('')), { minLength: 1, maxLength: 9 }).map((a) => a.join(''));
    const mark = fc.constantFrom('«', '»', '¿', '¡', '°', '©', '–', '—', '‘', '’', '“', '”', '…', '€', ',', '.');
    const text = fc.array(fc.oneof(word, mark), { maxLength: 20 }).map((parts) => parts.join(' '));
    fc.assert(fc.property(text, (t) => withoutMojibake(t) === t), { numRuns: 3000 });
  });
});
