import { personalByline } from '../common/byline';
import { startsWithDateline } from '../common/dateline';
import { type PartialDraft, toUrgency } from '../common/draft';
import { type Embargo, isAgencyLabel, isApparatus, isEditorNote, isKeywordLine, isNotesMarker, readEmbargo } from '../common/editorial';
import { ParseRejection } from '../common/types';
import { frameOf } from './framing';
import { bodyFields, sequenceOf, signalsOfLabels } from './wire-common';
import { MAX_MARK_LINE, isClosingLine, paragraphsOf, trailerDate } from './wire-lines';

/*
 * IPTC 7901 ("IPTC Recommended Message Format"), as dpa, APA, SDA and others
 * send it:
 *
 *   SOH eca062 4 i 211 ccccb   dpa 061        header: source and number, priority, category, word count, extras
 *       Germany-politics/                     keyword line(s)
 *   STX REFILE                                heading: take labels, the headline, a byline, ended by " ="
 *       Germany Social Democrats: ... fail =
 *
 *          Berlin (dpa) - Negotiations ...    text, hard-wrapped, paragraphs by blank lines or indents
 *       The following information is not for publication
 *       ...                                   notes to editors (contacts, links): not the story
 *       dpa wsz jln npr                       closing line: the desk's initials
 *   ETX 131137 GMT Nov 13                     trailer: day, time, zone, month, year of sending
 *   EOT
 */

const HEADER = /^([A-Za-z]{0,8}) ?(\d{1,6}) +(\d) +([A-Za-z]{1,3}) +(\d{1,5})(?: +(.*))?$/;
/** dpa ends the heading with " =". */
const HEADING_END = /\s*=\s*$/;
const BYLINE = /^(by|von|par|por|di|door)\s+\S/i;
/** Notes that agencies append in Markdown: "# Notebook", "## Internet links". */
const NOTES_HEADING = /^#{1,3}\s+\S/;
/** A trailer left in the text because the ETX was lost. */
const STRAY_TRAILER = /^\d{6}\s*([A-Za-z]{1,4}\s+)?\p{L}{3,9}\.?\s+\d{2,4}\s*$/u;
/** Past this, the first block is the story's text, not a heading. */
const MAX_HEADING_CHARS = 300;

interface Header {
  source: string;
  number: string;
  priority: string;
}

function readHeader(line: string | undefined): Header | undefined {
  const m = line && line.length <= MAX_MARK_LINE ? HEADER.exec(line.trim()) : null;
  return m ? { source: m[1], number: m[2], priority: m[3] } : undefined;
}

interface Heading {
  headline?: string;
  byline?: string;
  labels: string[];
  embargo?: Embargo;
  /** Lines the heading took from the text. */
  length: number;
}

/** The heading: lines up to the " =" mark, or the first block when it is short enough to be one. */
function readHeading(lines: string[]): Heading {
  const heading: Heading = { labels: [], length: 0 };
  let start = 0;
  while (start < lines.length && !lines[start].trim()) start++;
  let end = start;
  while (end < lines.length && lines[end].trim() && !HEADING_END.test(lines[end])) end++;
  const marked = end < lines.length && HEADING_END.test(lines[end]);
  if (marked) end++;
  const block = lines.slice(start, end).map((l) => l.replace(HEADING_END, '').trim()).filter(Boolean);
  const joined = block.join(' ');
  if (!marked && (joined.length > MAX_HEADING_CHARS || block.length === 0 || startsWithDateline(joined))) return heading;
  const parts: string[] = [];
  for (const line of block) {
    const embargo = readEmbargo(line);
    if (embargo) heading.embargo ??= embargo;
    else if (isAgencyLabel(line)) heading.labels.push(line);
    else if (BYLINE.test(line) && parts.length > 0) heading.byline ??= line;
    else if (!isEditorNote(line) && !isKeywordLine(line)) parts.push(line);
  }
  heading.headline = parts.join(' ') || undefined;
  heading.length = end;
  return heading;
}

/** The text up to the notes to editors; without its closing line and a trailer the lost ETX left in. */
function storyLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const text = line.trim();
    if (isNotesMarker(text) || NOTES_HEADING.test(text)) break;
    out.push(line);
  }
  while (out.length > 0) {
    const last = out[out.length - 1].trim();
    if (!last || isClosingLine(last) || STRAY_TRAILER.test(last)) out.pop();
    else break;
  }
  return out;
}

/** Reads one IPTC 7901 message into a draft; throws ParseRejection only for a message with no text at all. */
export function readIptc7901(input: string): PartialDraft {
  const frame = frameOf(input);
  let headerLines = frame.header.split('\n').map((l) => l.trim()).filter(Boolean);
  let textLines = frame.text.split('\n');
  if (headerLines.length === 0) {
    // No STX: the header and keyword lines open the text.
    const firstAt = textLines.findIndex((l) => l.trim());
    if (firstAt !== -1 && readHeader(textLines[firstAt])) {
      let k = firstAt + 1;
      while (k < textLines.length && (!textLines[k].trim() || isKeywordLine(textLines[k]))) k++;
      headerLines = textLines.slice(firstAt, k).map((l) => l.trim()).filter(Boolean);
      textLines = textLines.slice(k);
    }
  }
  // A message cut off in its header has no text: nothing in it is a headline.
  if (!frame.opened && (headerLines.length === 0 || !textLines.some((l) => l.trim()))) {
    throw new ParseRejection('malformed', 'IPTC 7901 message cut off before its text (no STX and no readable header)');
  }
  const header = readHeader(headerLines[0]);
  const keywordLines = (header ? headerLines.slice(1) : headerLines).filter((l) => l.length <= MAX_MARK_LINE);
  const heading = readHeading(textLines);
  const strayTrailer = textLines.map((l) => l.trim()).filter(Boolean).pop();
  const sentAt = trailerDate(frame.trailer) ?? (strayTrailer && STRAY_TRAILER.test(strayTrailer) ? trailerDate(strayTrailer) : undefined);
  let embargo = heading.embargo;
  const paragraphs: string[] = [];
  for (const p of paragraphsOf(storyLines(textLines.slice(heading.length)).join('\n'))) {
    const found = readEmbargo(p, sentAt);
    if (found) embargo ??= found;
    else if (isEditorNote(p) || (paragraphs.length === 0 && (isApparatus(p) || p === heading.headline))) continue;
    else paragraphs.push(p);
  }
  if (embargo && !embargo.until && sentAt) embargo = readEmbargo(embargo.note, sentAt) ?? embargo;
  return {
    uri: header && sentAt ? `urn:iptc7901:${header.source.toLowerCase()}${header.number}:${sentAt}` : undefined,
    sequence: header ? sequenceOf(header.source || 'default', header.number) : undefined,
    headline: heading.headline,
    byline: personalByline(heading.byline),
    urgency: toUrgency(header?.priority),
    keywords: keywordLines.flatMap((l) => l.split('/')).map((k) => k.trim()).filter(Boolean),
    signals: signalsOfLabels(heading.labels),
    firstCreated: sentAt,
    versionCreated: sentAt,
    embargoed: embargo?.until,
    embargoNote: embargo?.note,
    ...bodyFields(paragraphs),
  };
}
