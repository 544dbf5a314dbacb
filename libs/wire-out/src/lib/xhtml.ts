import sanitizeHtml from 'sanitize-html';
import { el, Markup } from './xml';

/**
 * The body as XHTML for NewsML-G2's inlineXML. Stored HTML was sanitised at
 * ingest with an allowlist; it is sanitised again here with the same tags,
 * because sanitize-html writes only what XML can read: void elements closed
 * (`<br />`), every attribute quoted with a value (`nonBooleanAttributes: ['*']`
 * drops empty ones instead of writing them bare), `&`, `<`, `>` and quotes
 * escaped, every named entity decoded to its character.
 */
const XHTML_BODY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'b', 'i', 'strong', 'em', 'u', 's', 'sub', 'sup', 'small', 'mark', 'q', 'cite', 'abbr', 'span', 'div',
    'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], abbr: ['title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonBooleanAttributes: ['*'],
  selfClosing: ['br', 'hr', 'img'],
};

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Paragraphs of plain text (blank-line separated), lines within them kept with <br/>. */
function paragraphsOf(text: string): Markup[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => el('p', {}, ...p.split('\n').flatMap((line, i) => (i === 0 ? [line] : [el('br'), line]))));
}

export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** A complete XHTML document: the HTML body when there is one, else the text's paragraphs. */
export function xhtmlDocument(title: string, bodyHtml: string | undefined, bodyText: string | undefined): Markup {
  const html = bodyHtml ? sanitizeHtml(bodyHtml, XHTML_BODY).replace(NOT_XML_CHAR, '').trim() : '';
  const body = html ? new Markup(html) : paragraphsOf(bodyText ?? '');
  return el('html', { xmlns: XHTML_NS }, el('head', {}, el('title', {}, title)), el('body', {}, body));
}
