import type { ParseLimits } from '../common/limits';
import { ParseRejection } from '../common/types';

/**
 * One linear pass over the markup before the real parser sees it: refuses a
 * DOCTYPE with an internal subset (where entity bombs live) and documents
 * nested too deep or with too many elements. Comments, CDATA and processing
 * instructions are skipped so their contents cannot fake structure.
 */
export function prescanXml(xml: string, limits: ParseLimits): void {
  let depth = 0;
  let elements = 0;
  let i = xml.indexOf('<');
  const n = xml.length;
  while (i !== -1 && i < n) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', i)) i = skipTo(xml, '-->', i + 4);
      else if (xml.startsWith('<![CDATA[', i)) i = skipTo(xml, ']]>', i + 9);
      else if (/^<!DOCTYPE/i.test(xml.slice(i, i + 9))) i = checkDoctype(xml, i);
      else if (/^<!(ENTITY|ELEMENT|ATTLIST)/i.test(xml.slice(i, i + 9))) {
        throw new ParseRejection('unsafe', 'markup declarations outside a DOCTYPE are refused');
      } else i = skipTo(xml, '>', i + 2);
    } else if (next === 0x3f /* ? */) {
      i = skipTo(xml, '?>', i + 2);
    } else if (next === 0x2f /* / */) {
      depth = Math.max(0, depth - 1);
      i = skipTo(xml, '>', i + 2);
    } else if (isNameStart(next)) {
      const end = tagEnd(xml, i + 1);
      if (++elements > limits.maxElements) {
        throw new ParseRejection('too-large', `more than ${limits.maxElements} elements`);
      }
      if (xml.charCodeAt(end - 1) !== 0x2f /* self-closing */ && ++depth > limits.maxDepth) {
        throw new ParseRejection('too-large', `elements nested deeper than ${limits.maxDepth}`);
      }
      i = end + 1;
    } else {
      i += 1;
    }
    i = xml.indexOf('<', i);
  }
}

function isNameStart(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x3a || code > 0x7f;
}

function skipTo(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  return at === -1 ? xml.length : at + token.length;
}

/** Index of the '>' closing a start tag, stepping over quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return xml.length;
}

/** A DOCTYPE naming an external DTD is tolerated (and never fetched); an internal subset is not. */
function checkDoctype(xml: string, start: number): number {
  let quote = 0;
  for (let i = start + 9; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x5b /* [ */) {
      throw new ParseRejection('unsafe', 'DOCTYPE with an internal subset (entity declarations) is refused');
    } else if (c === 0x3e) return i + 1;
  }
  throw new ParseRejection('malformed', 'unterminated DOCTYPE');
}
