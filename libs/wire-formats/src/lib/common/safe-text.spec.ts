import fc from 'fast-check';
import { withoutControls, withoutControlsButLines } from './safe-text';

// The regex toWellFormed replaced: what a stored text looks like must not change.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex -- the same controls as safe-text.ts
const reference = (text: string) => text.replace(LONE_SURROGATE, '\ufffd').replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, '');

describe('safe text', () => {
  it('replaces lone surrogates and drops controls, keeping pairs', () => {
    expect(withoutControls('a\ud800b\udc00c\u0000 \ud83d\ude00')).toBe('a\ufffdb\ufffdc \ud83d\ude00');
    expect(withoutControlsButLines('x\r\ny\rz\t\ud800')).toBe('x\ny\nz\t\ufffd');
  });

  it('drops the noncharacters U+FFFE and U+FFFF, which XML (NewsML-G2 out) cannot carry', () => {
    expect(withoutControls('a\uffffb\ufffe')).toBe('ab');
    expect(withoutControlsButLines('a\uffff\nb')).toBe('a\nb');
  });

  it('reads C1 controls in text as the windows-1252 characters they were, dropping the five it leaves undefined', () => {
    expect(withoutControlsButLines('don\u0092t \u0093quoted\u0094 \u0096 \u0080 5\u0081\u008d\u008f\u0090\u009d.')).toBe('don’t “quoted” – € 5.');
    // Identifiers keep no control at all, mapped or not.
    expect(withoutControls('urn:x\u0092y')).toBe('urn:xy');
  });

  it('gives what the regex form gave, for any UTF-16 text', () => {
    const texts = fc.array(fc.oneof(fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', '\u0000', '\u009f', '\ufffe', '\uffff', 'a', 'é', ' '), fc.string()), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(fc.property(texts, (text) => withoutControls(text) === reference(text)), { numRuns: 3000 });
  });
});
