import { isAccountName } from '../common/byline';
import { type Embargo, isApparatus, isEditorNote, readEmbargo } from '../common/editorial';
import { isSignOff } from '../common/sign-off';
import { cleanText, elementsOf, isElement, type XElement, type XNode } from './tree';

/*
 * Bodies in XML formats (NewsML-G2 inlineXML, NewsML 1 DataContent) often
 * open with the agency's header block before the story: dpa's XHTML has a
 * <header> with the keyword list, the genre ("KORR-Bericht") and the headline
 * again; others put an embargo instruction, a note to editors or the headline
 * as the first paragraphs. This takes them out of the tree before the body is
 * serialised, keeping the byline and the embargo they carry.
 */

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'section', 'article', 'ul', 'ol']);
/** Never part of the story text: document head, header block. */
const DROPPED = new Set(['head', 'header']);
/** How many leading blocks may be apparatus before the story is assumed to have started. */
const MAX_LEADING = 8;

export interface StoryBody {
  element: XElement;
  embargo?: Embargo;
  /** The byline the header block carried ("Von Almut Kipp, dpa"). */
  byline?: string;
  /** Everything in it was a note to editors ("Diese Informationen sind nicht zur Veröffentlichung bestimmt"). */
  onlyNotes: boolean;
}

/** The XHTML <body> inside an element (html/body, or a bare body), else the element itself. */
export function bodyElementOf(el: XElement): XElement {
  const queue: XElement[] = [el];
  for (let seen = 0; queue.length > 0 && seen < 64; seen++) {
    const current = queue.shift() as XElement;
    if (current !== el && current.local === 'body') return current;
    if (current.local === 'html' || current === el) queue.push(...elementsOf(current));
  }
  return el;
}

function normalised(text: string | undefined): string {
  return (text ?? '').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}

/** Blocks with no block inside them, in document order: the paragraphs as a reader sees them. */
function leafBlocks(el: XElement, out: XElement[], limit: number): void {
  for (const kid of elementsOf(el)) {
    if (out.length >= limit) return;
    if (DROPPED.has(kid.local)) continue;
    if (!BLOCKS.has(kid.local)) continue;
    const nested = elementsOf(kid).some((c) => BLOCKS.has(c.local));
    if (nested) leafBlocks(kid, out, limit);
    else out.push(kid);
  }
}

function without(el: XElement, drop: Set<XElement>): XElement {
  const children: XNode[] = [];
  for (const node of el.children) {
    if (!isElement(node)) children.push(node);
    else if (!drop.has(node) && !DROPPED.has(node.local)) children.push(without(node, drop));
  }
  return { ...el, children };
}

/** "@wirebot", "By newsdesk_bot": a line naming an account. */
function isAccountLine(text: string): boolean {
  const m = /^(?:(?:by|von|par|por)\s+)?(@?\S+)$/i.exec(text);
  return Boolean(m && (text.startsWith('@') || /^\S+\s/.test(text)) && isAccountName(m[1]));
}

function headerByline(el: XElement): string | undefined {
  const header = elementsOf(el).find((c) => c.local === 'header');
  const byline = header ? [...elementsOf(header)].find((c) => /\bbyline\b/.test(c.attrs['class'] ?? '')) : undefined;
  return cleanText(byline);
}

/**
 * The story's body element: header blocks removed anywhere, and leading
 * blocks that are an embargo instruction, a note to editors, a take label or
 * keyword line, an account byline, or the headline repeated.
 */
export function storyBodyOf(el: XElement, headline?: string): StoryBody {
  const body = bodyElementOf(el);
  const byline = headerByline(body);
  const leading: XElement[] = [];
  leafBlocks(body, leading, MAX_LEADING);
  const drop = new Set<XElement>();
  const headlineAgain: XElement[] = [];
  let embargo: Embargo | undefined;
  const head = normalised(headline);
  for (const block of leading) {
    const text = cleanText(block) ?? '';
    const found = readEmbargo(text);
    if (found) embargo ??= found;
    else if (head && normalised(text) === head && !isApparatus(text)) headlineAgain.push(block);
    else if (text && !isApparatus(text) && !isAccountLine(text)) break;
    drop.add(block);
  }
  // A note to editors further down ("Achtung Redaktionen: ...") is not the story either.
  const all: XElement[] = [];
  leafBlocks(body, all, 500);
  let notes = 0;
  for (const block of all) {
    if (isEditorNote(cleanText(block) ?? '')) {
      drop.add(block);
      notes++;
    }
  }
  // The desk's sign-off at the end ("hh/ph/ts/hd", "dpa wsz jln") is not text either.
  // The last block with text: AFP closes with an empty <p/> after the sign-off.
  const last = all.filter((b) => !drop.has(b) && cleanText(b)).pop();
  if (last && isSignOff(cleanText(last) ?? '')) drop.add(last);
  let element = without(body, drop);
  // A flash is often its headline and nothing more: the text repeating the headline is then the story.
  if (headlineAgain.length > 0 && !cleanText(element)) {
    for (const block of headlineAgain) drop.delete(block);
    element = without(body, drop);
  }
  return { element, embargo, byline, onlyNotes: notes > 0 && !cleanText(element) };
}
