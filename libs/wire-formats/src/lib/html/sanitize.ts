import sanitizeHtml from 'sanitize-html';

/**
 * Allowlist for article bodies. No script, no style (tag or attribute: see
 * CVE-2024-21501), no event handlers, no iframes; links only to http(s) and
 * mailto, images only over http(s).
 */
const BODY_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'b', 'i', 'strong', 'em', 'u', 's', 'sub', 'sup', 'small', 'mark', 'q', 'cite', 'abbr', 'span', 'div',
    'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    abbr: ['title'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'head', 'title', 'iframe', 'object'],
  transformTags: {
    // NITF and XHTML bodies use these names; keep their meaning.
    hl1: 'h2',
    hl2: 'h3',
    block: 'div',
    'body.content': 'div',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
};
BODY_OPTIONS.allowedAttributes = { ...(BODY_OPTIONS.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'rel'] };

export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, BODY_OPTIONS).trim();
}

const BLOCK_END = /<\/(p|div|h[1-6]|li|blockquote|pre|tr|table|figure|figcaption|ul|ol|dl|dd|dt|caption)>|<hr\s*\/?>/gi;
// One <br> is a soft wrap (agency copy wraps lines with it); two in a row end a paragraph.
const LINE_BREAK = /<br\s*\/?>/gi;
const TEXT_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'tr', 'table', 'figure', 'figcaption', 'ul', 'ol', 'dl', 'dd', 'dt', 'caption', 'br', 'hr'],
  allowedAttributes: {},
  nonTextTags: BODY_OPTIONS.nonTextTags,
  transformTags: { hl1: 'h2', hl2: 'h3', block: 'div' },
};
const BASIC_ESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * Plain text from HTML: paragraphs separated by a blank line, whitespace
 * collapsed inside them. sanitize-html decodes every entity and re-escapes
 * only the basic ones, which we undo last.
 */
export function htmlToText(html: string): string {
  const safe = sanitizeHtml(html, TEXT_OPTIONS);
  const withBreaks = safe.replace(BLOCK_END, '\n\n').replace(LINE_BREAK, '\n').replace(/<[^>]*>/g, ' ');
  return withBreaks
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => BASIC_ESCAPES[e] ?? e);
}

/** True when a string carries markup worth sanitising rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\w.-]*[\s>/]|&[a-z]+;|&#\d+;/i.test(text);
}
