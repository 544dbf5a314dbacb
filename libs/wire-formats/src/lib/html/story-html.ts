/*
 * An HTML string as agencies send it is sometimes a whole (X)HTML document:
 * namespace prefixes on every tag, a <head> with a <title>, a <header> block
 * with the keyword line, genre and headline. The story is the <body> without
 * that header.
 */

/** "<xhtml:p>", "</h:body>": the prefix goes, so the sanitiser knows the tag (and drops <xhtml:title> with its text). */
const PREFIXED_TAG = /<(\/?)[A-Za-z][\w.-]*:(?=[A-Za-z])/g;
const BODY_OPEN = /<body(?=[\s/>])[^>]*>/i; // not <body.content> (NITF)
const BODY_CLOSE = /<\/body\s*>/gi;
/** The agency's header block: keyword line, genre label, the headline again. Never the story's text. */
const HEADER_BLOCK = /<header\b[^>]*>[\s\S]*?<\/header\s*>/gi;

export function storyHtml(html: string): string {
  let out = html.includes(':') ? html.replace(PREFIXED_TAG, '<$1') : html;
  const open = BODY_OPEN.exec(out);
  if (open) {
    const start = open.index + open[0].length;
    let end = -1;
    for (const close of out.matchAll(BODY_CLOSE)) if (close.index >= start) end = close.index;
    out = out.slice(start, end === -1 ? undefined : end);
  }
  return /<header\b/i.test(out) ? out.replace(HEADER_BLOCK, ' ') : out;
}
