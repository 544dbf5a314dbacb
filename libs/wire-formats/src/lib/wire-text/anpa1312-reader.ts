import { personalByline } from '../common/byline';
import { titleCase } from '../common/dateline';
import type { PartialDraft } from '../common/draft';
import { type Embargo, isAgencyLabel, isEditorNote, readEmbargo } from '../common/editorial';
import { ParseRejection } from '../common/types';
import { frameOf } from './framing';
import { bodyFields, sequenceOf, signalsOfLabels } from './wire-common';
import { MAX_MARK_LINE, trailerDate } from './wire-lines';

/*
 * ANPA 1312 (the American Newspaper Publishers Association wire standard),
 * as AP and others send it:
 *
 *   SYN SYN SOH W2870 US asian                   service level and sequence number, selector codes
 *   f l DC3 DC1 BC-LT--Argentina-CancerB 11-13 1049   priority, category, format, keyword, version, date, words
 *   STX ^BC-LT--Argentina-Cancer Beauty,466<     '^' lines: slug, headline, notes, byline ('=' ends a byline line)
 *       ^For Argentine chemo patients, mirrors can hurt <
 *       ^Eds: With AP Photos.<
 *       ^By PAUL BYRNE and ALMUDENA CALATRAVA=
 *       TAB BUENOS AIRES, Argentina (AP) _ For ...   text: a tab opens each paragraph
 *   ETX AP-WF-11-13-13 1509GMT<                  trailer: month, day, year, time of sending
 *   EOT
 *
 * Seven-bit conventions of the text: " _ " is a dash, `` and '' are quotes,
 * '<' ends a line.
 */

const FORMAT_LINE = /^([a-z]) ([a-z]{1,2}) ?(\S+)(?:\s+(\S.*?))?\s+(\d{2})-(\d{2})\s+(\d{1,5})\s*$/i;
// eslint-disable-next-line no-control-regex -- DC2 in the format identifier: the text is a table, lines are kept
const TABULAR = /^[a-z] [a-z]{1,2}[\u0013\u0014]\u0012/im;
const SELECTOR = /^\s*([A-Za-z]\d{3,4})/;
/** "BC-LT--Argentina-Cancer Beauty,466", "AP-Top-Entertainment-Headlines,0176": the slug line. */
const SLUG_LINE = /^([A-Z]{2}-)?[A-Za-z]{2,5}--|,\s*\d{1,5}$/;
const INDEX_CODE = /^\*\d+$/;
/** "AP Photo XNP101, XNP102": which pictures go with the story. */
const MEDIA_NOTE = /^(with )?(\S+ ){0,2}(photos?|video|audio|graphics?)(\s+[A-Z]{2,}\d+,?)*[.]?$/i;
/** "___": a rule between the story and its credits. */
const SEPARATOR = /^[_\-=*#]{3,}$/;
const NOTE = /^(eds?\s*:|editor'?s'? note\b)\s*_?\s*/i;
const BYLINE = /^by\s+\S/i;
const END_MARK = /^end$/i;
const AP_DASH = / _ /g;
const LEAD_VERSION = /\b(\d{1,2})(st|nd|rd|th)\s*ld\b/i;
/** A trailer left in the text because the ETX was lost: "AP-WF-11-13-13 1509GMT<". */
const STRAY_TRAILER = /^[A-Z]{2,4}-[A-Z]{2,4}-\d{2}-\d{2}-\d{2}\s+\d{4}\s*[A-Za-z]{0,4}<?$/;
/** A '^' line this long after the headline is the story's summary. */
const SUMMARY_CHARS = 120;

const URGENCY: Record<string, number> = { f: 1, b: 2, u: 3, r: 5, d: 6, a: 7 };

interface Heads {
  headline?: string;
  description?: string;
  byline?: string;
  slug?: string;
  labels: string[];
  embargo?: Embargo;
  /** '^' lines that are neither: the text of an item that has no indented paragraphs (lists, indexes). */
  extra: string[];
}

function plain(text: string): string {
  return text.replace(AP_DASH, ' — ').replace(/``/g, '“').replace(/''/g, '”').replace(/\s+/g, ' ').trim();
}

/** "PAUL BYRNE and ALMUDENA CALATRAVA" -> "Paul Byrne and Almudena Calatrava". */
function nameCase(byline: string): string {
  return byline
    .split(' ')
    .map((w) => (w.length > 1 && w === w.toUpperCase() && /\p{Lu}/u.test(w) ? titleCase(w) : w))
    .join(' ');
}

/** Embargo instructions hide inside editors' notes: "Eds: EMBARGOED until 0001 GMT Tuesday." */
function embargoInNote(note: string): Embargo | undefined {
  for (const sentence of note.split(/(?<=\.)\s+/)) {
    const embargo = readEmbargo(sentence);
    if (embargo) return embargo;
  }
  return undefined;
}

function readHeads(lines: string[]): Heads {
  const heads: Heads = { labels: [], extra: [] };
  let bylineDone = false;
  for (const raw of lines) {
    const endsByline = /=\s*$/.test(raw);
    const line = plain(raw.replace(/[<=\s]+$/, ''));
    if (!line || INDEX_CODE.test(line) || END_MARK.test(line) || MEDIA_NOTE.test(line)) continue;
    if (!heads.slug && SLUG_LINE.test(line) && !heads.headline) {
      heads.slug = line;
      continue;
    }
    if (NOTE.test(line) || isEditorNote(line)) {
      heads.embargo ??= embargoInNote(line.replace(NOTE, ''));
      continue;
    }
    const embargo = readEmbargo(line);
    if (embargo) {
      heads.embargo ??= embargo;
    } else if (endsByline || (BYLINE.test(line) && heads.headline)) {
      // The first '=' line is the byline; the next is the writer's title ("AP Sports Writer").
      if (!bylineDone && BYLINE.test(line)) heads.byline = line;
      bylineDone = bylineDone || BYLINE.test(line);
    } else if (isAgencyLabel(line)) {
      heads.labels.push(line);
    } else if (!heads.headline) {
      heads.headline = line;
    } else if (!heads.description && line.length > SUMMARY_CHARS) {
      heads.description = line;
    } else {
      heads.extra.push(line);
    }
  }
  return heads;
}

interface TextParts {
  heads: string[];
  paragraphs: string[];
  strayTrailer?: string;
}

/** '^' lines, and paragraphs opened by a tab (or, in a table, every line). */
function splitText(text: string, tabular: boolean): TextParts {
  const parts: TextParts = { heads: [], paragraphs: [] };
  let current: string[] | undefined;
  const flush = () => {
    if (current && current.length > 0) parts.paragraphs.push(current.join(' '));
    current = undefined;
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    const trimmed = line.trim();
    if (!trimmed) {
      flush();
    } else if (STRAY_TRAILER.test(trimmed)) {
      flush();
      parts.strayTrailer = trimmed;
    } else if (trimmed.startsWith('^')) {
      flush();
      // "^*9006< ^AP-Top-Entertainment-Headlines,0176<": several marks on one line.
      parts.heads.push(...trimmed.split(/(?<=[<=])\s*(?=\^)/).map((h) => h.replace(/^\^/, '')));
    } else if (tabular || /^[\t ]/.test(line) || !current) {
      flush();
      current = [trimmed.replace(/<$/, '')];
    } else {
      current.push(trimmed.replace(/<$/, ''));
    }
  }
  flush();
  return parts;
}

/** Reads one ANPA 1312 message into a draft; throws ParseRejection only for a message with no text at all. */
export function readAnpa1312(input: string): PartialDraft {
  const frame = frameOf(input);
  const headerLines = frame.header.split('\n').filter((l) => l.trim());
  const selector = SELECTOR.exec(headerLines[0] ?? '')?.[1];
  const formatLine = headerLines.map((l) => (l.length <= MAX_MARK_LINE ? FORMAT_LINE.exec(l.trim()) : null)).find(Boolean) ?? null;
  const tabular = TABULAR.test(frame.rawHeader);
  // Without STX the text never started (the message was cut off); the lines there are the header's.
  const text = frame.opened ? frame.text : frame.text.split('\n').slice(2).join('\n');
  if (!text.trim()) throw new ParseRejection('malformed', 'ANPA 1312 message cut off before its text (no STX)');
  const parts = splitText(text, tabular);
  // Heads come before the text; '^' lines after the first paragraph ("^END") are marks, not heads.
  const heads = readHeads(parts.heads);
  const sentAt = trailerDate(frame.trailer) ?? (parts.strayTrailer ? trailerDate(parts.strayTrailer) : undefined);
  const embargo = heads.embargo && !heads.embargo.until && sentAt ? (readEmbargo(heads.embargo.note, sentAt) ?? heads.embargo) : heads.embargo;
  const version = formatLine?.[4] ?? heads.slug;
  const lead = LEAD_VERSION.exec(version ?? '');
  const paragraphs = (parts.paragraphs.length > 0 ? parts.paragraphs : heads.extra).map(plain).filter((p) => p && !SEPARATOR.test(p));
  return {
    uri: selector && sentAt ? `urn:anpa1312:${selector.toLowerCase()}:${sentAt}` : undefined,
    sequence: selector ? sequenceOf(selector.slice(0, 1), selector.slice(1)) : undefined,
    version: lead ? Number(lead[1]) : undefined,
    signals: signalsOfLabels([...(version ? [version] : []), ...heads.labels]),
    urgency: URGENCY[formatLine?.[1]?.toLowerCase() ?? ''],
    headline: heads.headline,
    description: heads.description,
    byline: personalByline(heads.byline ? nameCase(heads.byline) : undefined),
    firstCreated: sentAt,
    versionCreated: sentAt,
    embargoed: embargo?.until,
    embargoNote: embargo?.note,
    ...bodyFields(paragraphs),
  };
}
