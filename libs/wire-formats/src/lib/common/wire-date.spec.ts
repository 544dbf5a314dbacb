import { parseWireDate } from './wire-date';

describe('parseWireDate', () => {
  it.each([
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    ['Seg, 24 Set 2018 19:18:49 -0300', '2018-09-24T22:18:49.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Sun, 19 May 2002 15:21:36 EDT', '2002-05-19T19:21:36.000Z'],
    ['Wed, 02 Oct 2002 08:00:00 +01', '2002-10-02T07:00:00.000Z'],
    ['20020403T150000Z', '2002-04-03T15:00:00.000Z'],
    ['20020403T150000+0100', '2002-04-03T14:00:00.000Z'],
    ['20020403', '2002-04-03T00:00:00.000Z'],
    ['2018-10-21T16:25:32-05:00', '2018-10-21T21:25:32.000Z'],
    ['2018-10-21T16:25:32.5+0530', '2018-10-21T10:55:32.500Z'],
    ['2018-10-21 16:25', '2018-10-21T16:25:00.000Z'],
    ['2015-02-20T14:45:00', '2015-02-20T14:45:00.000Z'],
    ['lundi 3 mars 2024 14h30', '2024-03-03T14:30:00.000Z'],
    ['24. Dezember 2023', '2023-12-24T00:00:00.000Z'],
    ['3 de marzo de 2024 10:00', '2024-03-03T10:00:00.000Z'],
    ['12 dicembre 2022', '2022-12-12T00:00:00.000Z'],
    ['5 de fevereiro de 2021', '2021-02-05T00:00:00.000Z'],
    ['December 5, 2017 3:45 PM EST', '2017-12-05T20:45:00.000Z'],
  ])('reads %s', (input, expected) => {
    expect(parseWireDate(input)).toBe(expected);
  });

  it.each(['', '   ', '0000-00-00', '0000-00-00T00:00:00Z', 'N/A', 'TBD', 'garbage', '2018-02-31', '1970-01-01T00:00:00Z', '99999999', 'Mon, 45 Foo 2018'])(
    'gives undefined for placeholder or garbage %p',
    (input) => {
      expect(parseWireDate(input)).toBeUndefined();
    },
  );

  it('never throws on odd values', () => {
    for (const v of [undefined, null, {}, [], NaN, Infinity, -1, '\u0000', 'x'.repeat(10_000)]) {
      expect(() => parseWireDate(v)).not.toThrow();
    }
  });
});
