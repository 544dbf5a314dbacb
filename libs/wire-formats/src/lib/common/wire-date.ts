import { STORY_YEARS } from '@newswire/contracts';
import { findDateInLine } from './dates';

/**
 * Month names and abbreviations in the wire languages (en, fr, de, es, pt, it,
 * nl), accent-free and lower case. Ambiguous short forms ("mar") are months:
 * a leading day name is recognised by its position instead.
 */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['jan', 'january', 'janv', 'janvier', 'januar', 'janner', 'enero', 'ene', 'janeiro', 'gennaio', 'gen', 'januari'],
  ['feb', 'february', 'fev', 'fevr', 'fevrier', 'februar', 'febrero', 'fevereiro', 'febbraio', 'februari'],
  ['mar', 'march', 'mars', 'marz', 'maerz', 'marzo', 'marco', 'maart', 'mrt'],
  ['apr', 'april', 'avr', 'avril', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag', 'mei'],
  ['jun', 'june', 'juin', 'juni', 'junio', 'junho', 'giugno', 'giu'],
  ['jul', 'july', 'juil', 'juillet', 'juli', 'julio', 'julho', 'luglio', 'lug'],
  ['aug', 'august', 'aou', 'aout', 'agosto', 'ago', 'augustus'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'setiembre', 'set', 'setembro', 'settembre'],
  ['oct', 'october', 'octobre', 'okt', 'oktober', 'octubre', 'out', 'outubro', 'ottobre', 'ott'],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
  ['dec', 'december', 'decembre', 'dez', 'dezember', 'diciembre', 'dic', 'dezembro', 'dicembre'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const WEEKDAYS = new Set(
  [
    'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'lun', 'lundi', 'mardi', 'mer', 'mercredi', 'jeu', 'jeudi', 'ven', 'vendredi', 'sam', 'samedi', 'dim', 'dimanche',
    'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
    'lunes', 'martes', 'miercoles', 'mie', 'jueves', 'jue', 'viernes', 'vie', 'sabado', 'sab', 'domingo', 'dom',
    'seg', 'segunda', 'ter', 'terca', 'qua', 'quarta', 'qui', 'quinta', 'sex', 'sexta', 'feira',
    'lunedi', 'martedi', 'mercoledi', 'giovedi', 'gio', 'venerdi', 'sabato', 'domenica',
  ],
);
const FILLERS = new Set(['de', 'del', 'di', 'le', 'the', 'of', 'am', 'um', 'a', 'at', 'h', 'le', 'den', 'der', 'el']);

/** Offsets in minutes for zone names seen on the wire. */
const ZONES: Record<string, number> = {
  gmt: 0, ut: 0, utc: 0, z: 0, wet: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360,
  pst: -480, pdt: -420, cet: 60, mez: 60, cest: 120, mesz: 120, bst: 60, west: 60, eet: 120, eest: 180,
  msk: 180, brt: -180, jst: 540, hkt: 480, sgt: 480, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

const PLACEHOLDER = /^(0+[-/.]?0+[-/.]?0+.*|n\/?a|tbd|tba|unknown|none|null|undefined|nan|-+|\?+|x+)$/i;
// The platform's own JSON refuses what these readers drop: one bound for both.
const MIN_YEAR = STORY_YEARS.min;
const MAX_YEAR = STORY_YEARS.max;

function fold(token: string): string {
  return token.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.$/, '');
}

function expandYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

function buildIso(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, offsetMin = 0): string | undefined {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const local = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  const check = new Date(local);
  // Rejects 31 April and the like instead of rolling over into May.
  if (check.getUTCDate() !== d && !(h === 24 && mi === 0)) return undefined;
  const instant = local - offsetMin * 60_000;
  if (!Number.isFinite(instant) || instant === 0) return undefined;
  return new Date(instant).toISOString();
}

function parseOffset(text: string | undefined): number | undefined {
  if (!text) return 0;
  if (/^z$/i.test(text)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 18 * 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function fromNumericMatch(m: RegExpExecArray): string | undefined {
  const offset = parseOffset(m[8]);
  if (offset === undefined) return undefined;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return buildIso(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), Math.min(ms, 999), offset);
}

interface Parts {
  day?: number;
  month?: number;
  year?: number;
  time?: [number, number, number];
  offset?: number;
}

function readTime(token: string): [number, number, number] | undefined {
  const m = /^(\d{1,2})[:h.](\d{2})(?:[:.](\d{2}))?(?:[.,]\d+)?$/i.exec(token);
  if (!m) return undefined;
  return [+m[1], +m[2], +(m[3] ?? 0)];
}

/** RFC 822/1123 and the free forms agencies derive from it, in any wire language. */
function parseTextual(input: string): string | undefined {
  const tokens = input.replace(/([,()])/g, ' $1 ').split(/\s+/).filter(Boolean);
  const parts: Parts = {};
  let pm: boolean | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i];
    if (raw === ',' || raw === '(' || raw === ')') continue;
    const token = fold(raw);
    if (i === 0 && tokens[1] === ',' && /^\p{L}+$/u.test(token)) continue; // leading day name
    if (/^\p{L}+$/u.test(token)) {
      if (MONTHS[token] && parts.month === undefined) parts.month = MONTHS[token];
      else if (token === 'am' && parts.time) pm = false;
      else if (token === 'pm' && parts.time) pm = true;
      else if (ZONES[token] !== undefined && parts.offset === undefined) parts.offset = ZONES[token];
      else if (token.length === 1 && parts.time && parts.offset === undefined) parts.offset = 0; // military zone
      else if (!WEEKDAYS.has(token) && !FILLERS.has(token)) return undefined;
      continue;
    }
    const zone = /^(?:gmt|utc|ut)?([+-]\d{2}:?\d{2}|[+-]\d{1,2})$/i.exec(token);
    if (zone && parts.time && parts.offset === undefined) {
      const z = zone[1].length <= 3 ? `${zone[1][0]}${zone[1].slice(1).padStart(2, '0')}` : zone[1];
      const offset = parseOffset(z);
      if (offset === undefined) return undefined;
      parts.offset = offset;
      continue;
    }
    const time = readTime(token);
    if (time && !parts.time) {
      parts.time = time;
      continue;
    }
    const dm = /^(\d{1,2})(?:st|nd|rd|th|er|\.|º)?$/.exec(token);
    if (dm && parts.day === undefined && parts.year === undefined) {
      parts.day = +dm[1];
      continue;
    }
    if (/^\d{4}$/.test(token)) {
      if (parts.year === undefined) parts.year = +token;
      else if (!parts.time) parts.time = [+token.slice(0, 2), +token.slice(2), 0]; // "03 Apr 02 1500 GMT"
      else return undefined;
      continue;
    }
    if (/^\d{2}$/.test(token) && parts.year === undefined && parts.month !== undefined) {
      parts.year = expandYear(+token, 2);
      continue;
    }
    return undefined;
  }
  if (parts.year === undefined || parts.month === undefined || parts.day === undefined) return undefined;
  const [hour, mi, s] = parts.time ?? [0, 0, 0];
  let h = hour;
  if (pm === true && h < 12) h += 12;
  if (pm === false && h === 12) h = 0;
  return buildIso(parts.year, parts.month, parts.day, h, mi, s, 0, parts.offset ?? 0);
}

/**
 * Reads any date a wire document carries and returns it as UTC ISO 8601.
 * Times without a zone are taken as UTC. Placeholders, out-of-range values and
 * garbage give undefined; this function never throws.
 */
export function parseWireDate(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? buildFromEpoch(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 100 || PLACEHOLDER.test(text)) return undefined;
  try {
    const iso = ISO.exec(text) ?? COMPACT.exec(text);
    if (iso) return fromNumericMatch(iso);
    const textual = parseTextual(text);
    if (textual) return textual;
    const found = /\p{L}/u.test(text) ? findDateInLine(text, new Date(Date.UTC(2000, 0, 1))) : undefined;
    return found && found.text.length >= text.length - 12 ? found.iso : undefined;
  } catch {
    return undefined;
  }
}

function buildFromEpoch(value: number): string | undefined {
  const ms = value < 1e11 ? value * 1000 : value; // seconds or milliseconds
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  return Number.isNaN(d.getTime()) || year < MIN_YEAR || year > MAX_YEAR ? undefined : d.toISOString();
}
