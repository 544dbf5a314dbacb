import { findDateInLine } from '../common/dates';
import { inlineText } from '../common/safe-text';
import { looksLikeHtml } from '../html/sanitize';
import { paragraphsToHtml, stripBom, tidyLine, wordCountOf } from '../common/text';
import { type ArticleDraft, ParseRejection } from '../common/types';
import { isFooter, isTagline } from './boilerplate';

/** A head block is short and reads like a label, not like a sentence of the story. */
const MAX_HEAD_CHARS = 160;
const MAX_HEAD_BLOCKS = 8;
const AUTHOR_BIO = /^about (the|this) author\b/i;
const BYLINE = /^([Bb]y|[Pp]ar|[Vv]on|[Pp]or|[Dd]i|[Dd]oor)\s+\p{Lu}[\p{L}'.-]+(\s+\p{Lu}[\p{L}'.-]+){0,4}(\s*[,/|–-]\s*.{0,60})?$/u;
const DATELINE = /^((?:\p{Lu}[\p{L}.'-]*)(?:[ ,]+\p{Lu}[\p{L}.'-]*){0,4})(?:,\s*[\p{L} .]{0,30})?\s*(\(([^)]{2,40})\))?\s*[-–—]{1,2}\s+\S/u;

export interface PlainTextHead {
  date?: string;
  masthead?: string;
  taglines: string[];
  headline?: string;
  byline?: string;
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
  return p.length > MAX_HEAD_CHARS || (/[.!?»"”]$/.test(p) && wordCountOf(p) > 20);
}

/** Ends like a sentence (a label or headline rarely does). */
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;

/**
 * Reads the head of a plain-text story: date line, masthead, tagline(s),
 * byline and headline, in whatever order publishers put them. The headline is
 * the last label-like block before the first body paragraph.
 *
 * A short story has no paragraph long enough to look like body text, so every
 * block reads as a label. Then the body starts at the first block that ends
 * like a sentence, and the labels before it are the head; with no such block,
 * the first block is the headline and the rest is the body ("Markets
 * rally\n\nStocks rose on Monday." is a headline and its story).
 */
function readHead(paragraphs: string[]): { head: PlainTextHead; bodyStart: number } {
  const head: PlainTextHead = { taglines: [] };
  let labels: string[] = [];
  const labelAt: number[] = [];
  let i = 0;
  for (; i < paragraphs.length && i < MAX_HEAD_BLOCKS; i++) {
    const p = paragraphs[i];
    if (looksLikeBodyParagraph(p)) break;
    const date = head.date ? undefined : findDateInLine(p);
    if (date && p.length - date.text.length <= 20) {
      head.date = date.iso;
    } else if (!head.byline && BYLINE.test(p)) {
      head.byline = p;
    } else if (isTagline(p)) {
      head.taglines.push(p);
    } else {
      labels.push(p);
      labelAt.push(i);
    }
  }
  if (i === paragraphs.length && labels.length > 1) {
    const firstSentence = labels.findIndex((l) => SENTENCE_END.test(l));
    const headCount = Math.max(1, firstSentence);
    i = labelAt[headCount] ?? paragraphs.length;
    labels = labels.slice(0, headCount);
  }
  if (labels.length > 0) head.headline = labels[labels.length - 1];
  if (labels.length > 1) head.masthead = labels[0];
  head.taglines.push(...labels.slice(1, -1));
  return { head, bodyStart: i };
}

function readBody(paragraphs: string[]): string[] {
  const body: string[] = [];
  for (const p of paragraphs) {
    if (AUTHOR_BIO.test(p)) break; // everything after is the author's biography
    if (isFooter(p)) continue;
    body.push(p);
  }
  while (body.length > 1 && isFooter(body[body.length - 1])) body.pop();
  return body;
}

function firstSentence(paragraph: string): string {
  const match = /^(.{20,200}?[.!?])(\s|$)/u.exec(paragraph);
  return (match ? match[1] : paragraph.slice(0, 120)).trim();
}

export function parsePlainText(input: string): ArticleDraft {
  const paragraphs = splitParagraphs(input);
  if (paragraphs.length === 0) throw new ParseRejection('empty', 'the text has no content');
  const { head, bodyStart } = readHead(paragraphs);
  let body = readBody(paragraphs.slice(bodyStart));
  let headline = head.headline;
  if (!headline) {
    if (body.length === 0) throw new ParseRejection('missing-headline', 'no headline and no body found');
    headline = firstSentence(body[0]);
  }
  if (body.length === 0) {
    throw new ParseRejection('missing-body', `found the headline "${headline.slice(0, 80)}" but no body paragraphs`);
  }
  body = body.filter((p) => p !== headline);
  const dateline = DATELINE.exec(body[0] ?? '');
  return {
    headline,
    firstCreated: head.date,
    versionCreated: head.date,
    publisher: head.masthead,
    byline: head.byline?.replace(/^(by|par|von|por|di|door)\s+/i, ''),
    dateline: dateline ? dateline[0].replace(/\s*[-–—]{1,2}\s+\S$/u, '').trim() : undefined,
    located: dateline ? titleCase(dateline[1].split(',')[0]) : undefined,
    provider: dateline?.[3],
    bodyText: body.join('\n\n'),
    bodyHtml: paragraphsToHtml(body),
    description: body[0] ? firstSentence(body[0]) : undefined,
  };
}

function titleCase(place: string): string {
  if (place !== place.toUpperCase()) return place.trim();
  return place
    .toLowerCase()
    .replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase())
    .trim();
}
