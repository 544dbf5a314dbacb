import { parseDateline } from './dateline';

const ref = new Date('2024-11-25T10:00:00Z');

describe('parseDateline', () => {
  it('reads an agency dateline without a date', () => {
    expect(parseDateline('WASHINGTON (Reuters) - The Senate passed', ref)).toEqual({
      text: 'WASHINGTON (Reuters) -',
      place: { name: 'Washington', countryCode: 'US', geonameId: 4140963 },
      source: 'Reuters',
    });
  });

  it('reads place, date and agency', () => {
    const d = parseDateline('PARIS, Nov 24 (AFP) - French President', ref);
    expect(d?.place).toMatchObject({ name: 'Paris', countryCode: 'FR' });
    expect(d?.date).toBe('2024-11-24');
    expect(d?.source).toBe('AFP');
  });

  it('puts a January dateline in the next year when the story is from late December', () => {
    expect(parseDateline('DOHA, Jan 2 (Reuters) - Talks', new Date('2024-12-30T00:00:00Z'))?.date).toBe('2025-01-02');
  });

  it('uses the region after the city for unknown cities', () => {
    expect(parseDateline('SANTA CLARA, California, Feb 21 (Reuters) - Nvidia', ref)?.place).toEqual({ name: 'Santa Clara', countryCode: 'US' });
  });

  it('reads the Nordic agencies\' datelines: a colon or the next sentence after the agency', () => {
    expect(parseDateline('OSLO (NTB): Regjeringen la fram budsjettet.', ref)).toMatchObject({ text: 'OSLO (NTB):', place: { name: 'Oslo', countryCode: 'NO' }, source: 'NTB' });
    expect(parseDateline('STOCKHOLM (TT) Regeringen presenterade budgeten.', ref)).toMatchObject({ text: 'STOCKHOLM (TT)', place: { name: 'Stockholm', countryCode: 'SE' }, source: 'TT' });
    expect(parseDateline('HELSINKI (STT) Hallitus esitteli budjetin.', ref)?.place).toMatchObject({ name: 'Helsinki', countryCode: 'FI' });
    // Without an agency a colon is a label, not a dateline; after one, a lower-case word is not a new sentence.
    expect(parseDateline('BREAKING: Markets fell sharply.', ref)).toBeUndefined();
    expect(parseDateline('UPDATE (2) markets fell', ref)).toBeUndefined();
  });

  it('ignores ordinary first sentences', () => {
    expect(parseDateline('Councillors in Bristol voted on Tuesday - to extend', ref)).toBeUndefined();
    expect(parseDateline('The bank said - in a statement', ref)).toBeUndefined();
  });
});
