import { personalByline } from '../common/byline';
import { findDateInLine } from '../common/dates';
import { datelineOf, startsWithDateline, withoutDateline } from '../common/dateline';
import { type Embargo, isApparatus, isEditorNote, isNotesMarker, readEmbargo } from '../common/editorial';
import { inlineText } from '../common/safe-text';
import { looksLikeHtml } from '../html/sanitize';
import { leadSentence, paragraphsToHtml, stripBom, tidyLine, wordCountOf } from '../common/text';
import { type ArticleDraft, ParseRejection } from '../common/types';
import { isCaption, isFooter, isTagline } from './boilerplate';
import { markupFragmentReason } from './markup-fragment';

/** A head block is short and reads like a label, not like a sentence of the story. */
const MAX_HEAD_CHARS = 160;
const MAX_HEAD_BLOCKS = 8;
/** Longest opening sentence taken whole as a stand-in headline or summary. */
const MAX_SENTENCE_CHARS = 200;
const AUTHOR_BIO = /^about (the|this) author\b/i;
const BYLINE = /^([Bb]y|[Pp]ar|[Vv]on|[Pp]or|[Dd]i|[Dd]oor)\s+\p{Lu}[\p{L}'.-]+(\s+\p{Lu}[\p{L}'.-]+){0,4}(\s*[,/|–-]\s*.{0,60})?$/u;
/** "by newsdesk_bot", "@wirebot": a byline naming an account, not a person. */
const ACCOUNT_BYLINE = /^((by|par|von|por|di|door)\s+@?|@)[\w.@-]{2,60}$/iu;
/** Ends with a full stop after a word or number: a sentence. Headlines never do ("U.S." is an abbreviation, not a stop). */
// Chinese and Japanese end a sentence with an ideographic full stop after any letter (no case); Arabic and Hindi with their own marks.
const FULL_STOP = /(?:[\p{Ll}\p{N}]{2,}[.…]|[\p{L}\p{N}）」』][。．！？؟۔।])["'”’»)\]」』）]*$/u;

export interface PlainTextHead {
  date?: string;
  masthead?: string;
  taglines: string[];
  headline?: string;
  subheadline?: string;
  byline?: string;
  embargo?: Embargo;
}

/** The first line of a block stands alone when it is much shorter than the lines under it: a title above its text. */
const TITLE_LINE_RATIO = 0.6;
const CONTINUES = /[,;:\-–—]$/u;
const INDENTED = /^(\t|[ \u00a0]{2,})\S/;

function isTitleAbove(lines: string[]): boolean {
  if (lines.length < 2 || lines[0].length > MAX_HEAD_CHARS || CONTINUES.test(lines[0])) return false;
  const longest = lines.slice(1).reduce((max, l) => Math.max(max, l.length), 0);
  return lines[0].length < longest * TITLE_LINE_RATIO;
}

/**
 * Without blank lines, a line break is the only paragraph mark: each line is
 * a paragraph, unless the text marks paragraphs by indenting their first line
 * (old wire copy), in which case unindented lines continue the paragraph.
 */
function lineBlocks(lines: string[]): string[][] {
  const indents = lines.slice(1).filter((l) => INDENTED.test(l)).length;
  if (indents === 0) return lines.map((l) => [l]);
  const blocks: string[][] = [];
  lines.forEach((line, i) => {
    if (i === 0 || INDENTED.test(line)) blocks.push([line]);
    else blocks[blocks.length - 1].push(line);
  });
  return blocks;
}

function splitParagraphs(text: string): string[] {
  const normalised = stripBom(text).replace(/\r\n?/g, '\n');
  const hasBlankLines = /\n[ \t\u00a0]*\n/.test(normalised.trim());
  const raw = hasBlankLines ? normalised.split(/\n\s*\n/).map((b) => b.split('\n')) : lineBlocks(normalised.split('\n'));
  const blocks = raw.map((lines) => lines.map(tidyLine).filter(Boolean)).filter((lines) => lines.length > 0);
  // "Headline\nFirst paragraph..." with no blank line between: the headline is its own block.
  if (blocks.length > 0 && isTitleAbove(blocks[0])) blocks.splice(0, 1, [blocks[0][0]], blocks[0].slice(1));
  // Plain text carries no markup: a block that has some (pasted HTML, an attack) keeps only its text.
  return blocks.map((lines) => lines.join(' ')).flatMap((p) => (looksLikeHtml(p) ? (inlineText(p) ?? []) : [p]));
}

function looksLikeBodyParagraph(p: string): boolean {
  // Chinese and Japanese have no spaces to count words by; 20 characters say about what 12 English words do.
  return p.length > MAX_HEAD_CHARS || (/[.!?»"”]$/.test(p) && wordCountOf(p) > 20) || (/[。．！？][」』）”]*$/u.test(p) && p.length > 20);
}

/** Ends like a sentence (a label or headline rarely does). */
const SENTENCE_END = /[.!?…。．！？؟۔।]["'”’»)\]」』）]*$/u;

/** What the head holds besides labels: the date, the byline, an embargo, and blocks that are not the story. */
interface HeadScan {
  head: PlainTextHead;
  labels: string[];
  labelAt: number[];
  /** Sentences before any label (captions without a credit, promos, a standfirst). */
  orphans: number[];
  /** Index of the date line, when there is one. */
  dateAt?: number;
  /** Index of the first tagline, when there is one. */
  taglineAt?: number;
  end: number;
}

/** A byline naming an account ("by newsdesk_bot", "@wirebot"): dropped, it names no person. */
function isAccountByline(p: string): boolean {
  return ACCOUNT_BYLINE.test(p) && !personalByline(p);
}

function scanHead(paragraphs: string[], head: PlainTextHead): HeadScan {
  const scan: HeadScan = { head, labels: [], labelAt: [], orphans: [], end: 0 };
  let i = 0;
  for (; i < paragraphs.length && i < MAX_HEAD_BLOCKS; i++) {
    const p = paragraphs[i];
    const embargo = readEmbargo(p, head.date);
    if (embargo) {
      head.embargo ??= embargo;
      continue;
    }
    // Photo captions, keyword lines, take labels and notes to editors frame the story; none is its headline.
    if (isCaption(p) || isApparatus(p) || isAccountByline(p)) continue;
    if (looksLikeBodyParagraph(p) || startsWithDateline(p)) break;
    const date = head.date ? undefined : findDateInLine(p);
    if (date && p.length - date.text.length <= 20) {
      head.date = date.iso;
      scan.dateAt = i;
    } else if (!head.byline && BYLINE.test(p)) {
      head.byline = p;
    } else if (isTagline(p)) {
      head.taglines.push(p);
      scan.taglineAt ??= i;
    } else if (FULL_STOP.test(p)) {
      // A headline has no full stop: a sentence after a headline starts the body; before one, it is no headline.
      if (scan.labels.length > 0) break;
      scan.orphans.push(i);
    } else {
      scan.labels.push(p);
      scan.labelAt.push(i);
    }
  }
  scan.end = i;
  return scan;
}

/**
 * Reads the head of a plain-text story: date line, masthead, tagline(s),
 * byline and headline, in whatever order publishers put them.
 *
 * The first label is the headline, unless the text has a masthead: a label
 * under a date line or over a tagline (the reference sample's layout: date,
 * publisher, tagline, headline), in which case the last label is the headline.
 * A dateline paragraph ("WASHINGTON (Reuters) - ...") or a sentence after the
 * headline starts the body, however short. Captions, keyword lines, take
 * labels, notes to editors and account bylines are left out; an embargo
 * instruction is kept apart.
 *
 * A short story has no paragraph long enough to look like body text, so every
 * block reads as a label. Then the body starts at the first block that ends
 * like a sentence, and the labels before it are the head; with no such block,
 * the first block is the headline and the rest is the body ("Markets
 * rally\n\nStocks rose on Monday." is a headline and its story).
 */
function readHead(paragraphs: string[]): { head: PlainTextHead; bodyStart: number; skipped: number[] } {
  const head: PlainTextHead = { taglines: [] };
  const scan = scanHead(paragraphs, head);
  let { labels, labelAt } = scan;
  let i = scan.end;
  let skipped: number[] = [];
  if (i === paragraphs.length && labels.length > 1) {
    const firstSentence = labels.findIndex((l) => SENTENCE_END.test(l));
    const headCount = Math.max(1, firstSentence);
    i = labelAt[headCount] ?? paragraphs.length;
    labels = labels.slice(0, headCount);
    labelAt = labelAt.slice(0, headCount);
  }
  if (scan.orphans.length > 0) {
    // Sentences above a dateline paragraph are the page around the story (captions, promos): not its body.
    // Without a dateline they are where the story starts.
    const opensWithDateline = i < paragraphs.length && startsWithDateline(paragraphs[i]);
    if (opensWithDateline && labels.length === 0) skipped = scan.orphans;
    else if (labels.length === 0) i = scan.orphans[0];
    else if (scan.orphans.length > 1 && !opensWithDateline && scan.dateAt === undefined) {
      // Two or more sentences, then a short line, then no dateline: a story without its headline whose
      // first crosshead is that line. The sentences open the body (they were dropped, the crosshead
      // taken for the headline); the headline is then the first sentence's.
      i = scan.orphans[0];
      labels = [];
      labelAt = [];
    }
  }
  const masthead = labels.length > 1 && ((scan.dateAt !== undefined && scan.dateAt < labelAt[0]) || (scan.taglineAt !== undefined && scan.taglineAt > labelAt[0]));
  if (masthead) {
    head.masthead = labels[0];
    head.headline = labels[labels.length - 1];
    head.taglines.push(...labels.slice(1, -1));
  } else if (labels.length > 0) {
    head.headline = labels[0];
    head.subheadline = labels[1];
    head.taglines.push(...labels.slice(2));
  }
  return { head, bodyStart: i, skipped };
}

function readBody(paragraphs: string[], head: PlainTextHead): string[] {
  const body: string[] = [];
  for (const p of paragraphs) {
    if (AUTHOR_BIO.test(p) || isNotesMarker(p)) break; // everything after is the author's biography, or notes to editors
    if (isFooter(p)) continue;
    const embargo = readEmbargo(p, head.date);
    if (embargo) {
      head.embargo ??= embargo;
      continue;
    }
    if (isEditorNote(p) || (body.length === 0 && (isApparatus(p) || isCaption(p) || isAccountByline(p)))) continue;
    body.push(p);
  }
  while (body.length > 1 && isFooter(body[body.length - 1])) body.pop();
  return body;
}

/** A stand-in headline or summary from a paragraph (common/text.ts). */
const firstSentence = (paragraph: string, cut = MAX_SENTENCE_CHARS): string => leadSentence(paragraph, cut, MAX_SENTENCE_CHARS);


export function parsePlainText(input: string): ArticleDraft {
  const fragment = markupFragmentReason(input);
  if (fragment) throw new ParseRejection('not-a-story', `the text is ${fragment}`);
  const paragraphs = splitParagraphs(input);
  if (paragraphs.length === 0) throw new ParseRejection('empty', 'the text has no content');
  const { head, bodyStart, skipped } = readHead(paragraphs);
  let body = readBody(
    paragraphs.slice(bodyStart).filter((_, k) => !skipped.includes(bodyStart + k)),
    head,
  );
  let headline = head.headline;
  if (!headline) {
    if (body.length === 0) throw new ParseRejection('missing-headline', 'no headline and no body found');
    headline = firstSentence(withoutDateline(body[0]), MAX_HEAD_CHARS);
  }
  if (body.length === 0) {
    throw new ParseRejection('missing-body', `found the headline "${headline.slice(0, 80)}" but no body paragraphs`);
  }
  // A headline the text gives may be repeated as a paragraph; one made from the lead leaves the lead where it is.
  if (head.headline) body = body.filter((p) => p !== headline);
  const dateline = datelineOf(body[0]);
  return {
    headline,
    subheadline: head.subheadline,
    firstCreated: head.date,
    versionCreated: head.date,
    embargoed: head.embargo?.until,
    embargoNote: head.embargo?.note,
    publisher: head.masthead,
    byline: personalByline(head.byline),
    dateline: dateline?.text,
    located: dateline?.located,
    provider: dateline?.provider,
    bodyText: body.join('\n\n'),
    bodyHtml: paragraphsToHtml(body),
    description: body[0] ? firstSentence(body[0]) : undefined,
  };
}
