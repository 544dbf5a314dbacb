import { DEFAULT_GAZETTEER } from './gazetteer';
import { withGeoNames } from './geonames';

const base = { cities: [], regions: [], countryGeonameIds: {}, orgs: [], seats: [], firstNames: ['Victoria'], titles: [], common: [], demonyms: [] };
const geo = [
  { cityId: 4140963, name: 'Washington, D.C.', country: 'US', population: 601723 },
  { cityId: 5549222, name: 'Washington', country: 'US', population: 24299 },
  { cityId: 1, name: 'Victoria', country: 'SC', population: 900000 },
  { cityId: 2, name: 'Bigtown', country: 'FR', population: 800000 },
  { cityId: 3, name: 'Smallton', country: 'FR', population: 10000 },
];

describe('withGeoNames', () => {
  it('gives seed cities the GeoNames id of the right city and drops ids GeoNames does not confirm', () => {
    const data = withGeoNames({ ...base, cities: [['Washington', 'US', 0], ['Havana', 'CU', 42]] }, geo);
    expect(data.cities).toContainEqual(['Washington', 'US', 4140963]);
    expect(data.cities).toContainEqual(['Havana', 'CU', 0]);
  });

  it('adds large cities, but none named like a person', () => {
    const names = withGeoNames(base, geo).cities.map(([name]) => name);
    expect(names).toContain('Bigtown');
    expect(names).not.toContain('Smallton');
    expect(names).not.toContain('Victoria');
  });

  it('links the reference sample places to GeoNames in the default gazetteer', () => {
    const havana = DEFAULT_GAZETTEER.places.get('havana')?.find((p) => p.countryCode === 'CU');
    expect(havana?.geonameId).toBe(3553478);
    expect(DEFAULT_GAZETTEER.places.get('moscow')?.find((p) => p.countryCode === 'RU')?.geonameId).toBe(524901);
  });
});
