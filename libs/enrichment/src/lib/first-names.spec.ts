import { FirstNames } from './gazetteer';

describe('FirstNames', () => {
  const names = new FirstNames(['Frank', 'Walter', 'Anne', 'Sophie', 'Nazaire']);

  it('knows a listed name and two listed names joined by a hyphen', () => {
    expect(names.has('Frank')).toBe(true);
    expect(names.has('Frank-Walter')).toBe(true);
    expect(names.has('Anne-Sophie')).toBe(true);
  });

  it('refuses a pair with an unlisted part, three parts, an empty part or a saint', () => {
    expect(names.has('Frank-Meyer')).toBe(false);
    expect(names.has('Frank-Walter-Anne')).toBe(false);
    expect(names.has('Frank-')).toBe(false);
    expect(names.has('-Frank')).toBe(false);
    expect(new FirstNames(['Saint', 'Nazaire']).has('Saint-Nazaire')).toBe(false);
  });
});
