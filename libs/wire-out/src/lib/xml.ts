/**
 * A small XML writer: every text and attribute value goes through one
 * escaper, so no value can open markup. Characters XML 1.0 cannot carry at
 * all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped.
 */

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\t': '&#9;', '\n': '&#10;' };

export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>\r]/g, (c) => ESCAPES[c]);
}

/** Attribute values also escape quotes and the whitespace an XML parser would otherwise normalise away. */
export function xmlAttr(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"'\r\n\t]/g, (c) => ESCAPES[c]);
}

export type Attrs = Record<string, string | number | undefined>;

/** Markup already written by this module (or checked well-formed), as opposed to text to escape. */
export class Markup {
  constructor(readonly xml: string) {}
}

export type Content = string | Markup | undefined | false | Content[];

function attrsOf(attrs: Attrs): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

function contentOf(content: Content): string {
  if (content === undefined || content === false) return '';
  if (content instanceof Markup) return content.xml;
  if (Array.isArray(content)) return content.map(contentOf).join('');
  return xmlText(content);
}

/** <name attrs>content</name>, or <name attrs/> when empty. Names are the caller's constants, never data. */
export function el(name: string, attrs: Attrs = {}, ...content: Content[]): Markup {
  const inner = contentOf(content);
  return new Markup(inner ? `<${name}${attrsOf(attrs)}>${inner}</${name}>` : `<${name}${attrsOf(attrs)}/>`);
}
