/** A namespace-aware element tree with ordered children: enough for mixed content (bodies). */
export interface XElement {
  /** Qualified name as written ("dc:creator"). */
  name: string;
  /** Local part ("creator"). */
  local: string;
  /** Namespace URI resolved from xmlns declarations, '' when none. */
  ns: string;
  attrs: Record<string, string>;
  children: XNode[];
}

export type XNode = XElement | string;

export function isElement(node: XNode | undefined): node is XElement {
  return typeof node === 'object' && node !== null;
}

export function elementsOf(el: XElement | undefined): XElement[] {
  return el ? (el.children.filter(isElement) as XElement[]) : [];
}

/** Children matching a local name, optionally restricted to a namespace (any ns when omitted). */
export function childrenNamed(el: XElement | undefined, local: string, ns?: string): XElement[] {
  return elementsOf(el).filter((c) => c.local === local && (ns === undefined || c.ns === ns));
}

export function child(el: XElement | undefined, local: string, ns?: string): XElement | undefined {
  return el?.children.find((c): c is XElement => isElement(c) && c.local === local && (ns === undefined || c.ns === ns));
}

/** Follows a path of local names, taking the first match at each step. */
export function path(el: XElement | undefined, ...locals: string[]): XElement | undefined {
  let current = el;
  for (const local of locals) current = child(current, local);
  return current;
}

/** Descendants with a local name, in document order; does not look inside a match. */
export function descendants(el: XElement | undefined, local: string, limit = Infinity): XElement[] {
  const found: XElement[] = [];
  // Recursion is bounded: the prescan caps nesting depth before any tree exists.
  const visit = (node: XElement) => {
    for (const kid of elementsOf(node)) {
      if (found.length >= limit) return;
      if (kid.local === local) found.push(kid);
      else visit(kid);
    }
  };
  if (el) visit(el);
  return found;
}

/** All text below an element, in document order. */
export function textOf(el: XElement | undefined): string {
  if (!el) return '';
  let out = '';
  const stack: XNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop() as XNode;
    if (typeof node === 'string') out += node;
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

/** Text with whitespace runs collapsed; undefined when empty. */
export function cleanText(el: XElement | undefined): string | undefined {
  const text = textOf(el).replace(/\s+/g, ' ').trim();
  return text || undefined;
}

export function attr(el: XElement | undefined, name: string): string | undefined {
  const value = el?.attrs[name];
  return value === undefined ? undefined : value.trim() || undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// A named reference left undecoded by the XML layer (&nbsp;) is HTML's to resolve: keep it.
const escape = (s: string) => s.replace(/&(?![A-Za-z][\w]{0,31};)|[<>"]/g, (c) => ESCAPES[c]);

/** Serialises children as HTML-ish markup with local names; the sanitiser decides what survives. */
export function innerMarkup(el: XElement | undefined): string {
  if (!el) return '';
  return el.children.map(outerMarkup).join('');
}

const VOID = new Set(['br', 'hr', 'img', 'wbr', 'col', 'area', 'source', 'track', 'input', 'meta', 'link', 'base', 'embed', 'param']);

function outerMarkup(node: XNode): string {
  if (typeof node === 'string') return escape(node);
  const attrs = Object.entries(node.attrs)
    .filter(([k]) => !k.startsWith('xmlns'))
    .map(([k, v]) => ` ${k}="${escape(v)}"`)
    .join('');
  // HTML parsers read "</br>" as a second <br>: void elements must not get an end tag.
  if (VOID.has(node.local.toLowerCase())) return `<${node.local}${attrs}>`;
  return `<${node.local}${attrs}>${innerMarkup(node)}</${node.local}>`;
}
