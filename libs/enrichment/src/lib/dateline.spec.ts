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

  it('reads day-month datelines of other languages, and dpa/EFE forms', () => {
    expect(parseDateline('MADRID, 3 dic (EFE).- El Gobierno aprobó', ref)).toMatchObject({ place: { name: 'Madrid', countryCode: 'ES' }, date: '2024-12-03', source: 'EFE' });
    expect(parseDateline('PARIS, 24 nov 2024 (AFP) - Le gouvernement', ref)).toMatchObject({ place: { name: 'Paris' }, date: '2024-11-24', source: 'AFP' });
    expect(parseDateline('ROMA, 3 DIC - Il governo', ref)?.date).toBe('2024-12-03');
    expect(parseDateline('PARIS, 2 juil. (AFP) - Le', ref)?.date).toBe('2024-07-02');
    expect(parseDateline('Berlin (dpa) - Die Bundesregierung', ref)).toMatchObject({ place: { name: 'Berlin', countryCode: 'DE' }, source: 'dpa' });
    // Title case only before an agency and for a known place.
    expect(parseDateline('Apple (AAPL.O) - Shares rose', ref)).toBeUndefined();
    expect(parseDateline('Councillors (and staff) - voted', ref)).toBeUndefined();
  });

  it('ignores ordinary first sentences', () => {
    expect(parseDateline('Councillors in Bristol voted on Tuesday - to extend', ref)).toBeUndefined();
    expect(parseDateline('The bank said - in a statement', ref)).toBeUndefined();
  });
});
