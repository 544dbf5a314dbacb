import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enrich } from './enrich';

const sample = readFileSync(
  join(__dirname, '../../../wire-formats/src/fixtures/daily-impact-european-2024-11-24.txt'),
  'utf8',
);
const body = sample.split('\n\n').slice(4, -1).join('\n\n');

describe('enrich on the reference sample', () => {
  const result = enrich({ headline: 'Washington sanctions Havana: Russia and Cuba are strategic allies', bodyText: body });
  const names = (list: { name: string }[]) => list.map((e) => e.name);

  it('detects English and counts words', () => {
    expect(result.language).toBe('en');
    expect(result.wordCount).toBeGreaterThan(340);
    expect(result.wordCount).toBeLessThan(370);
    expect(result.readingTimeSeconds).toBeGreaterThan(60);
  });

  it('finds the people, linking surnames to full names', () => {
    const people = names(result.people);
    for (const p of ['Miguel Diaz-Canel', 'Vladimir Putin', 'Raul Castro', 'Dimitri Peskov', 'Yuri Borisov', 'Dimitri Medvedev']) {
      expect(people).toContain(p);
    }
    expect(result.people.find((p) => p.name === 'Vladimir Putin')?.mentions).toBeGreaterThanOrEqual(4);
    expect(people).not.toContain('Havana');
    expect(people).not.toContain('Moscow');
  });

  it('finds places with country codes', () => {
    const byName = new Map(result.places.map((p) => [p.name, p.countryCode]));
    expect(byName.get('Havana')).toBe('CU');
    expect(byName.get('Moscow')).toBe('RU');
    expect(byName.get('Washington')).toBe('US');
    expect(byName.get('Cuba')).toBe('CU');
    expect(byName.get('Russia')).toBe('RU');
  });

  it('records provenance for each annotation', () => {
    expect(result.provenance.map((p) => p.annotation)).toEqual(['language', 'entities', 'counts']);
  });
});
