import { namesOf, subdivisions } from './build-regions';

describe('subdivision names', () => {
  it('splits two names of one region, not a compass pair or short codes', () => {
    expect(namesOf('Navarra/Nafarroa')).toEqual(['Navarra', 'Nafarroa']);
    expect(namesOf('Zanzibar Central/South')).toEqual(['Zanzibar Central/South']);
    expect(namesOf('Tui/Tuy')).toEqual(['Tui/Tuy']);
    expect(namesOf('Somerset')).toEqual(['Somerset']);
  });

  it('mends the source misspellings a text never writes', () => {
    const rows = subdivisions([{ countryShortCode: 'ES', regions: [{ name: 'Andalucìa', shortCode: 'AN' }, { name: 'Araba/Álava', shortCode: 'VI' }] }]);
    expect(rows).toEqual([
      ['Andalucía', 'ES', 'ES-AN'],
      ['Álava', 'ES', 'ES-VI'],
      ['Araba', 'ES', 'ES-VI'],
    ]);
  });
});
