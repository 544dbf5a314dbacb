import { findDateInLine } from '../common/dates';
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

function splitParagraphs(text: string): string[] {
  const normalised = stripBom(text).replace(/\r\n?/g, '\n');
  const blocks = normalised.split(/\n\s*\n/).map((b) => b.split('\n').map(tidyLine).filter(Boolean).join(' '));
  return blocks.filter(Boolean);
}

function looksLikeBodyParagraph(p: string): boolean {
  return p.length > MAX_HEAD_CHARS || (/[.!?»"”]$/.test(p) && wordCountOf(p) > 20);
}

/**
 * Reads the head of a plain-text story: date line, masthead, tagline(s),
 * byline and headline, in whatever order publishers put them. The headline is
 * the last label-like block before the first body paragraph.
 */
function readHead(paragraphs: string[]): { head: PlainTextHead; bodyStart: number } {
  const head: PlainTextHead = { taglines: [] };
  const labels: string[] = [];
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
    }
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
