import { DEFAULT_GAZETTEER, type Gazetteer } from './gazetteer';
import { fold } from './tokens';

export const DATELINE_EXTRACTOR = { extractor: 'newswire-dateline', version: '0.1.0' } as const;

export interface Dateline {
  /** The dateline as written, e.g. "PARIS, Nov 24 (AFP) -". */
  text: string;
  place?: { name: string; countryCode?: string; geonameId?: number };
  /** ISO date (YYYY-MM-DD) when the dateline carries one. */
  date?: string;
  source?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Anchored at the start of the body and bounded ({0,60}), so it never scans the whole text. The place ends
// on a dash ("PARIS (AFP) -"); after an agency in brackets also on a colon ("OSLO (NTB):", Nordic agencies)
// or on the sentence that follows ("STOCKHOLM (TT) Regeringen ..."). Without the agency, "BREAKING:" is no place.
const DATELINE =
  /^\s*(\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}?)((?:,\s*[\p{L}.]+(?: [\p{L}.]+)?){0,2}?)(?:,\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}))?\s*(?:\(([^)]{1,40})\))?(?:\s*[-–—]{1,2}\s|(?<=\))(?:\s*:\s|\s+(?=\p{Lu}\p{Ll})))/u;

/** Place and date at the head of a wire story: "WASHINGTON (Reuters) -", "PARIS, Nov 24 (AFP) -", "OSLO (NTB):". */
export function parseDateline(bodyText: string, reference: Date = new Date(), g: Gazetteer = DEFAULT_GAZETTEER): Dateline | undefined {
  const m = DATELINE.exec(bodyText.slice(0, 160));
  if (!m) return undefined;
  const city = m[1].trim();
  // A dateline city is written in capitals; "The council said -" is not a dateline.
  if (city !== city.toUpperCase() || city.length < 3) return undefined;
  const known = g.places.get(fold(city));
  const qualifier = m[2].replace(/^,\s*/, '').split(',')[0]?.trim();
  const region = qualifier ? g.places.get(fold(qualifier))?.[0] : undefined;
  const entry = known?.find((p) => !region?.countryCode || p.countryCode === region.countryCode) ?? known?.[0];
  const name = entry?.name ?? city.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_x, s: string, c: string) => s + c.toUpperCase());
  const countryCode = entry?.countryCode ?? region?.countryCode;
  return {
    text: m[0].trim(),
    place: { name, ...(countryCode ? { countryCode } : {}), ...(entry?.geonameId ? { geonameId: entry.geonameId } : {}) },
    ...(m[3] ? { date: resolveDate(m[3], reference) } : {}),
    ...(m[4] ? { source: m[4].trim() } : {}),
  };
}

/** "Nov 24" has no year: take the one that puts it closest to the story's own date. */
function resolveDate(monthDay: string, reference: Date): string | undefined {
  const [mon, day] = monthDay.replace('.', '').split(' ');
  const month = MONTHS.indexOf(mon.slice(0, 3).toLowerCase());
  if (month < 0) return undefined;
  const candidates = [-1, 0, 1].map((d) => new Date(Date.UTC(reference.getUTCFullYear() + d, month, Number(day))));
  const best = candidates.sort((a, b) => Math.abs(a.getTime() - reference.getTime()) - Math.abs(b.getTime() - reference.getTime()))[0];
  return best.toISOString().slice(0, 10);
}
