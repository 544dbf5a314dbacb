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
/**
 * Month abbreviations of the agencies' other languages (folded, first letters), for day-month datelines:
 * EFE "3 dic", AFP "24 nov", ANSA "3 DIC", dpa "24. Nov". French "juin"/"juil" need four letters.
 */
const MONTH_PREFIXES: [string, number][] = [
  ['juin', 5], ['juil', 6],
  ['jan', 0], ['ene', 0], ['gen', 0],
  ['feb', 1], ['fev', 1],
  ['mar', 2], ['apr', 3], ['abr', 3], ['avr', 3],
  ['may', 4], ['mai', 4], ['mag', 4],
  ['jun', 5], ['giu', 5], ['jul', 6], ['lug', 6],
  ['aug', 7], ['ago', 7], ['aou', 7],
  ['sep', 8], ['set', 8], ['oct', 9], ['okt', 9], ['ott', 9], ['out', 9],
  ['nov', 10], ['dec', 11], ['dic', 11], ['dez', 11],
];

// Anchored at the start of the body and bounded ({0,60}), so it never scans the whole text. The place ends
// on a dash ("PARIS (AFP) -", EFE's "(EFE).-"); after an agency in brackets also on a colon ("OSLO (NTB):",
// Nordic agencies) or on the sentence that follows ("STOCKHOLM (TT) Regeringen ..."). Without the agency,
// "BREAKING:" is no place. The date is English month-day ("Nov 24") or day-month ("3 dic", "24 nov 2024").
const DATELINE =
  /^\s*(\p{Lu}[\p{L}\p{M} .'’-]{1,40}?)((?:,\s*[\p{L}.]+(?: [\p{L}.]+)?){0,2}?)(?:,\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}|\d{1,2}\.? \p{L}{3,10}\.?(?: \d{4})?))?\s*(?:\(([^)]{1,40})\)\.?)?(?:\s*[-–—]{1,2}\s|(?<=\))(?:\s*:\s|\s+(?=\p{Lu}\p{Ll})))/u;

/** Place and date at the head of a wire story: "WASHINGTON (Reuters) -", "PARIS, Nov 24 (AFP) -", "OSLO (NTB):", "Madrid, 3 dic (EFE).-". */
export function parseDateline(bodyText: string, reference: Date = new Date(), g: Gazetteer = DEFAULT_GAZETTEER): Dateline | undefined {
  const m = DATELINE.exec(bodyText.slice(0, 160));
  if (!m) return undefined;
  const city = m[1].trim();
  const known = g.places.get(fold(city));
  // A dateline city is written in capitals ("The council said -" is not a dateline), or, before an agency
  // in brackets, as a place the gazetteer knows (dpa's "Berlin (dpa) -").
  if (city.length < 3 || (city !== city.toUpperCase() && !(m[4] && known))) return undefined;
  const qualifier = m[2].replace(/^,\s*/, '').split(',')[0]?.trim();
  const region = qualifier ? g.places.get(fold(qualifier))?.[0] : undefined;
  const entry = known?.find((p) => !region?.countryCode || p.countryCode === region.countryCode) ?? known?.[0];
  const name = entry?.name ?? city.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_x, s: string, c: string) => s + c.toUpperCase());
  const countryCode = entry?.countryCode ?? region?.countryCode;
  const date = m[3] ? resolveDate(m[3], reference) : undefined;
  return {
    text: m[0].trim(),
    place: { name, ...(countryCode ? { countryCode } : {}), ...(entry?.geonameId ? { geonameId: entry.geonameId } : {}) },
    ...(date ? { date } : {}),
    ...(m[4] ? { source: m[4].trim() } : {}),
  };
}

/** "Nov 24", "3 dic" have no year: take the one that puts it closest to the story's own date; "24 nov 2024" has one. */
function resolveDate(written: string, reference: Date): string | undefined {
  const dayFirst = /^(\d{1,2})\.? (\p{L}+)\.?(?: (\d{4}))?$/u.exec(written);
  const [monthWord, day, year] = dayFirst ? [dayFirst[2], Number(dayFirst[1]), dayFirst[3]] : [written.split(' ')[0], Number(written.replace('.', '').split(' ')[1]), undefined];
  const folded = fold(monthWord);
  const month = dayFirst ? MONTH_PREFIXES.find(([prefix]) => folded.startsWith(prefix))?.[1] : MONTHS.indexOf(folded.slice(0, 3));
  if (month === undefined || month < 0 || day < 1 || day > 31) return undefined;
  if (year) return new Date(Date.UTC(Number(year), month, day)).toISOString().slice(0, 10);
  const candidates = [-1, 0, 1].map((d) => new Date(Date.UTC(reference.getUTCFullYear() + d, month, day)));
  const best = candidates.sort((a, b) => Math.abs(a.getTime() - reference.getTime()) - Math.abs(b.getTime() - reference.getTime()))[0];
  return best.toISOString().slice(0, 10);
}
