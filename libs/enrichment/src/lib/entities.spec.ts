import { extractEntities } from './entities';

const run = (text: string) => {
  const r = extractEntities(text);
  return { people: r.people.map((e) => e.name), orgs: r.organisations.map((e) => e.name), places: r.places.map((e) => e.name), raw: r };
};

describe('extractEntities rules', () => {
  it('strips titles and demonyms from people', () => {
    const r = run('Russian Deputy Prime Minister Yuri Borisov said the talks went well.');
    expect(r.people).toEqual(['Yuri Borisov']);
    expect(r.orgs).toEqual([]);
  });

  it('links a surname and a title-only mention back to the full name', () => {
    const r = run('Vladimir Putin met reporters. President Putin said he was ready. Putin left.');
    expect(r.raw.people).toHaveLength(1);
    expect(r.raw.people[0]).toMatchObject({ name: 'Vladimir Putin', mentions: 3, firstOffset: 0 });
    expect(r.raw.people[0].surfaceForms).toEqual(['Vladimir Putin', 'Putin']);
  });

  it('takes a single name as a person after a title or before a speech verb', () => {
    expect(run('The meeting was chaired by Patriarch Kirill in the cathedral.').people).toEqual(['Kirill']);
    expect(run('The talks were useful, Ortega said on Friday.').people).toEqual(['Ortega']);
  });

  it('never makes a demonym or a place a person', () => {
    const r = run('The Cuban president flew to Moscow. Washington threatened Havana with sanctions.');
    expect(r.people).toEqual([]);
    expect(r.places.sort()).toEqual(['Havana', 'Moscow', 'Washington']);
  });

  it('treats seats of power as organisations located in their city', () => {
    const r = extractEntities('A Kremlin spokesman said the White House was wrong.');
    expect(r.organisations.map((o) => [o.name, o.located?.name, o.located?.countryCode])).toEqual([
      ['Kremlin', 'Moscow', 'RU'],
      ['White House', 'Washington', 'US'],
    ]);
  });

  it('links places to ISO country codes and resolves country aliases', () => {
    const r = extractEntities('Officials in the UK and the U.S. spoke to Britain and Russia.');
    const byName = Object.fromEntries(r.places.map((p) => [p.name, [p.countryCode, p.mentions]]));
    expect(byName).toEqual({ 'United Kingdom': ['GB', 2], 'United States': ['US', 1], Russia: ['RU', 1] });
  });

  it('types organisations by their head word and prefix', () => {
    const r = run('Officials at the University of Arizona and Leeds City Council met the Ministry of Foreign Affairs.');
    expect(r.orgs.sort()).toEqual(['Leeds City Council', 'Ministry of Foreign Affairs', 'University of Arizona']);
    expect(r.places).toEqual([]);
  });

  it('does not join two organisations listed with "and"', () => {
    expect(run('Jobs went at Coventry University and Cardiff University this year.').orgs).toEqual(['Coventry University', 'Cardiff University']);
  });

  it('reads context cues for unknown single names', () => {
    const r = run('Shares of the chipmaker rose. Environmental group Greenpeace objected. Residents in Oranmore were told.');
    expect(r.orgs).toEqual(['Greenpeace']);
    expect(r.places).toEqual(['Oranmore']);
  });

  it('reads a company after the noun of its trade', () => {
    const r = run('The constructor Vinci said the miner Glencore and the supermarket Tesco would bid. Coffee chain Starbucks declined.');
    expect(r.orgs).toEqual(expect.arrayContaining(['Vinci', 'Glencore', 'Tesco', 'Starbucks']));
    expect(r.people).toEqual([]);
    // A trade that is also a person's job leaves a speaker a person.
    expect(run('The film producer Weinstein said he would appeal.').people).toEqual(['Weinstein']);
  });

  it('picks the reading of an ambiguous place that fits the other places', () => {
    const us = extractEntities('Rep. Jane Doe of Georgia spoke in Texas and Ohio.').places.find((p) => p.name === 'Georgia');
    const ge = extractEntities('Georgia and Armenia signed a deal with Russia.').places.find((p) => p.name === 'Georgia');
    expect(us?.countryCode).toBe('US');
    expect(ge?.countryCode).toBe('GE');
  });

  it('keeps a first name followed by a town as a person', () => {
    expect(run('Australian Jessica Hull finished second.').people).toEqual(['Jessica Hull']);
  });

  it('finds a dateline place in capitals and the agency', () => {
    const r = run('Talks resume\n\nDOHA, Jan 15 (Reuters) - Negotiators met.');
    expect(r.places).toEqual(['Doha']);
    expect(r.orgs).toEqual(['Reuters']);
  });

  it('ignores capitalised words at the start of sentences', () => {
    const r = run('Speaking on Monday, officials said nothing. Critics said the plan failed. Along the border, troops waited.');
    expect(r.people).toEqual([]);
    expect(r.orgs).toEqual([]);
  });

  it('ignores a Title Case headline except for names it can confirm', () => {
    const text = 'Big Tech Giants Face Tough New Rules In Brussels\n\nRegulators in Brussels published the rules.';
    const r = extractEntities(text, { bodyStart: text.indexOf('\n\n') + 2 });
    expect(r.people).toEqual([]);
    expect(r.organisations).toEqual([]);
    expect(r.places.map((p) => [p.name, p.mentions])).toEqual([['Brussels', 2]]);
  });
});
