import * as chrono from 'chrono-node';

const parsers: chrono.Chrono[] = [chrono.en, chrono.fr, chrono.de, chrono.es, chrono.pt, chrono.it, chrono.nl].map(
  (locale) => (locale as unknown as { strict: chrono.Chrono }).strict,
);

/** Zone names German, Austrian and Swiss wires write that chrono does not know by itself. */
const WIRE_ZONES = { MEZ: 60, MESZ: 120, WEZ: 0, WESZ: 60, OEZ: 120, OESZ: 180 };

export interface FoundDate {
  iso: string;
  /** True when only a day was given: stored as midnight UTC of that day. */
  dateOnly: boolean;
  text: string;
}

/**
 * Finds a date in a short line in any of the common wire languages. A line
 * that is only a calendar day keeps that day (midnight UTC) rather than the
 * library's implied noon in the local zone.
 */
export function findDateInLine(line: string, reference = new Date()): FoundDate | undefined {
  for (const parser of parsers) {
    const [result] = parser.parse(line, { instant: reference, timezone: 'UTC' }, { forwardDate: false, timezones: WIRE_ZONES });
    if (!result) continue;
    const start = result.start;
    const year = start.get('year');
    const month = start.get('month');
    const day = start.get('day');
    if (!year || !month || !day || !start.isCertain('day') || !start.isCertain('month')) continue;
    const dateOnly = !start.isCertain('hour');
    const iso = dateOnly
      ? new Date(Date.UTC(year, month - 1, day)).toISOString()
      : start.date().toISOString();
    return { iso, dateOnly, text: result.text };
  }
  return undefined;
}
