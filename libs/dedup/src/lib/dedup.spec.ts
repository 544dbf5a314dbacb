import { contentHash, normaliseText } from './normalise';
import { exactVerdict } from './verdict';

describe('normaliseText and contentHash', () => {
  it('ignores case, quote and dash styles, and spacing', () => {
    expect(normaliseText('« Strategic  allies » — said Putin’s aide')).toBe(normaliseText('"strategic allies" - said Putin\'s aide'));
    expect(contentHash('Title', 'Body  text.')).toBe(contentHash('TITLE', 'body text'));
  });

  it('tells different wording apart', () => {
    expect(contentHash('Title', 'Body text')).not.toBe(contentHash('Title', 'Other text'));
  });
});

describe('exactVerdict', () => {
  it('makes the claimant the original and others its duplicates', () => {
    expect(exactVerdict('a', 'h', { claimedBy: 'a' })).toMatchObject({ status: 'original', clusterId: 'a', method: 'none' });
    expect(exactVerdict('b', 'h', { claimedBy: 'a' })).toMatchObject({ status: 'duplicate', duplicateOf: 'a', clusterId: 'a', method: 'exact' });
  });
});
