import { personalByline } from './byline';
import { isAgencyLabel, isApparatus, isEditorNote, isKeywordLine, isNotesMarker, readEmbargo } from './editorial';

describe('agency apparatus', () => {
  it.each(['EXTRA', 'REFILE', '1ST LEAD', '2nd Ld-Writethru', 'KORR-Bericht', 'Zusammenfassung', 'Achtung - Planungshinweis', '(Achtung)', 'URGENT', 'Eilmeldung', 'CORRECTION'])(
    'takes "%s" as a take or genre label',
    (line) => expect(isAgencyLabel(line)).toBe(true),
  );

  it.each(['Koalition einigt sich auf Eckpunkte', 'Lead poisoning found in schools', 'Update your apps now, experts say'])('takes "%s" for text', (line) => {
    expect(isApparatus(line)).toBe(false);
  });

  it('tells keyword lines from headlines with a slash', () => {
    expect(isKeywordLine('Yemen/conflict/')).toBe(true);
    expect(isKeywordLine('Gastgewerbe / Hamburg / Hotels')).toBe(true);
    expect(isKeywordLine('AC/DC tour cancelled')).toBe(false);
    expect(isKeywordLine('Profits up 5% in 2024/25.')).toBe(false);
  });

  it('knows notes to editors and the not-for-publication marker, in several languages', () => {
    for (const line of ['Eds: With AP Photos.', "EDITOR'S NOTE _ This is part of a series.", 'Achtung Redaktionen: Fotos folgen.', 'Note aux rédactions : photos à suivre.']) expect(isEditorNote(line)).toBe(true);
    for (const line of ['The following information is not for publication', '(Diese Informationen sind nicht zur Veröffentlichung bestimmt)']) {
      expect(isNotesMarker(line)).toBe(true);
      expect(isEditorNote(line)).toBe(true);
    }
    expect(isEditorNote('The editors of the paper resigned.')).toBe(false);
  });
});

describe('readEmbargo', () => {
  it.each([
    ['Sperrfrist: 25. November 2024, 10.00 Uhr MEZ', '2024-11-25T09:00:00.000Z'],
    ['Sperrfrist 25.11.2024, 10:00 Uhr MESZ', '2024-11-25T08:00:00.000Z'],
    ['EMBARGOED until 0001 GMT March 5, 2024', '2024-03-05T00:01:00.000Z'],
    ['EMBARGO: Not for publication before 00:01 GMT on Tuesday 26 November 2024', '2024-11-26T00:01:00.000Z'],
    ['Embargoed until 12:01 a.m. EDT Tuesday, Oct. 1, 2024', '2024-10-01T04:01:00.000Z'],
    ["Embargo jusqu'au 25 novembre 2024 à 10h00", '2024-11-25T10:00:00.000Z'],
  ])('reads "%s" as an embargo until %s', (line, until) => {
    expect(readEmbargo(line)).toEqual({ note: line, until });
  });

  it('keeps an instruction that names no day as a note only', () => {
    expect(readEmbargo('Sperrfrist 18.00 Uhr')).toEqual({ note: 'Sperrfrist 18.00 Uhr' });
    expect(readEmbargo('*** EMBARGO: end of the speech ***')).toEqual({ note: 'EMBARGO: end of the speech' });
  });

  it('does not take a headline about an embargo for an instruction', () => {
    expect(readEmbargo('Embargo on Cuba to stay, Washington says')).toBeUndefined();
    expect(readEmbargo('The EU lifted its embargo on Monday.')).toBeUndefined();
  });
});

describe('personalByline', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['Von Anna Beispiel, dpa', 'Anna Beispiel, dpa'],
    ['The Associated Press', 'The Associated Press'],
    ['Yeston, J.', 'Yeston, J.'],
    ['L2inc', 'L2inc'],
    ['jane.doe@example.com (Jane Doe)', 'Jane Doe'],
    ['Jane Doe, newsdesk_bot', 'Jane Doe'],
    ['Kim Lee, AC/DC', 'Kim Lee, AC/DC'],
  ])('keeps the people in "%s"', (raw, expected) => expect(personalByline(raw)).toBe(expected));

  it.each(['@wirebot', 'by newsdesk_bot', 'degenhardt.sandra', 'jdoe42', 'desk@example.com', 'gr/bp', 'mex/ab/cd'])('names no one in "%s"', (raw) => {
    expect(personalByline(raw)).toBeUndefined();
  });

  it('counts lower-case logins as accounts only in system fields', () => {
    expect(personalByline('load', { systemField: true })).toBeUndefined();
    expect(personalByline('load')).toBe('load');
  });
});
