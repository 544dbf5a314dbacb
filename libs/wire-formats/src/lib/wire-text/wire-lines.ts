import { tidyLine } from '../common/text';
import { parseWireDate } from '../common/wire-date';

/** Hard-wrapped copy (teleprinter width, 69 or 72 columns) never has longer lines than this. */
const WRAP_WIDTH = 90;
/** A line this much shorter than the wrap width, ending a sentence, ends its paragraph. */
const RAGGED_END = 0.75;
const INDENTED = /^(\t| {2,})\S/;
const SENTENCE_END = /[.!?:"'”’»)]$/u;
/** Longest line the readers look at with a pattern: longer ones are text, never a header or trailer. */
export const MAX_MARK_LINE = 200;

/**
 * Paragraphs of wire text. Blank lines separate paragraphs; inside a block,
 * an indented line starts one (old wire copy indents and does not skip a
 * line). Hard-wrapped lines are joined; a line that was not wrapped (longer
 * than any teleprinter line) is a paragraph of its own.
 */
export function paragraphsOf(text: string): string[] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim()) current.push(line.replace(/\s+$/, ''));
    else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks.flatMap(reflow).filter(Boolean);
}

function reflow(lines: string[]): string[] {
  const indented = lines.slice(1).some((l) => INDENTED.test(l));
  const width = lines.reduce((max, l) => Math.max(max, l.trim().length), 0);
  const wrapped = width <= WRAP_WIDTH;
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  lines.forEach((line, i) => {
    const text = tidyLine(line);
    if (i > 0 && ((indented && INDENTED.test(line)) || (!indented && !wrapped))) flush();
    current.push(text);
    // A short line ending a sentence is where the writer pressed return, not where the teleprinter wrapped.
    if (!indented && wrapped && text.length < width * RAGGED_END && SENTENCE_END.test(text)) flush();
  });
  flush();
  return paragraphs;
}

/** "dpa wsz jln npr", "dpa kre/su yysw a3 lön mda": the desk's closing line of initials. */
export { isSignOff as isClosingLine } from '../common/sign-off';

/** IPTC 7901 trailer: "131137 GMT Nov 13" (day, hour, minute, zone, month, two-digit year). */
const TRAILER_7901 = /(\d{2})(\d{2})(\d{2})\s*([A-Za-z]{1,4})?\s+(\p{L}{3,9})\.?\s+(\d{2}|\d{4})\b/u;
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** ANPA 1312 trailer: "AP-WF-11-13-13 1509GMT" (month, day, two-digit year, time, zone). */
const TRAILER_ANPA = /\b(\d{2})-(\d{2})-(\d{2})\s+(\d{2})(\d{2})\s*([A-Za-z]{1,4})?/;

/** The sending time the trailer gives, as UTC ISO 8601; undefined when it gives none. */
export function trailerDate(trailer: string): string | undefined {
  const text = trailer.slice(0, MAX_MARK_LINE);
  const seven = TRAILER_7901.exec(text);
  if (seven) {
    const [, day, hour, minute, zone, month, year] = seven;
    return parseWireDate(`${day} ${month} ${year} ${hour}:${minute} ${zone ?? 'GMT'}`);
  }
  const anpa = TRAILER_ANPA.exec(text);
  if (anpa) {
    const [, month, day, year, hour, minute, zone] = anpa;
    const name = MONTH_ABBREVIATIONS[Number(month) - 1];
    return name ? parseWireDate(`${day} ${name} 20${year} ${hour}:${minute} ${zone ?? 'GMT'}`) : undefined;
  }
  return undefined;
}
