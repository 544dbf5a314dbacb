import { XMLParser } from 'fast-xml-parser';
import { type ParseLimits, DEFAULT_LIMITS } from '../common/limits';
import { ParseRejection } from '../common/types';
import { type EntityBudget, decodeXmlEntities } from './entities';
import { prescanXml } from './prescan';
import type { XElement, XNode } from './tree';

// Entities are never expanded by the library: we decode the predefined ones ourselves.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  allowBooleanAttributes: true,
});

type RawNode = Record<string, unknown>;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Parses untrusted XML into an element tree. Throws ParseRejection only:
 * 'too-large' and 'unsafe' before parsing, 'malformed' when the parser or
 * the tree gives up. Returns the root element.
 */
export function parseXmlSafely(xml: string, limits: ParseLimits = DEFAULT_LIMITS): XElement {
  if (xml.length > limits.maxBytes) throw new ParseRejection('too-large', `document larger than ${limits.maxBytes} bytes`);
  prescanXml(xml, limits);
  let raw: unknown;
  try {
    raw = parser.parse(xml);
  } catch (error) {
    throw new ParseRejection('malformed', `not well-formed XML: ${(error as Error).message.slice(0, 160)}`);
  }
  const budget: EntityBudget = { remaining: limits.maxEntityRefs };
  const top = Array.isArray(raw) ? convertAll(raw as RawNode[], new Map([['xml', XML_NS]]), budget) : [];
  const root = top.find((n): n is XElement => typeof n === 'object');
  if (!root) throw new ParseRejection('malformed', 'no root element');
  return root;
}

function convertAll(nodes: RawNode[], scope: Map<string, string>, budget: EntityBudget): XNode[] {
  const out: XNode[] = [];
  for (const node of nodes) {
    const converted = convert(node, scope, budget);
    if (converted !== undefined) out.push(converted);
  }
  return out;
}

function convert(node: RawNode, scope: Map<string, string>, budget: EntityBudget): XNode | undefined {
  for (const key of Object.keys(node)) {
    if (key === ':@') continue;
    const value = node[key];
    if (key === '#text') return decodeXmlEntities(String(value), budget);
    if (key === '#cdata') return Array.isArray(value) ? value.map((v: RawNode) => String(v['#text'] ?? '')).join('') : '';
    if (key.startsWith('?') || key.startsWith('!')) return undefined;
    const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    let childScope = scope;
    for (const [name, v] of Object.entries(rawAttrs)) {
      const decoded = decodeXmlEntities(typeof v === 'string' ? v : '', budget);
      attrs[name] = decoded;
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (childScope === scope) childScope = new Map(scope);
        childScope.set(name === 'xmlns' ? '' : name.slice(6), decoded);
      }
    }
    const colon = key.indexOf(':');
    const prefix = colon === -1 ? '' : key.slice(0, colon);
    return {
      name: key,
      local: colon === -1 ? key : key.slice(colon + 1),
      ns: childScope.get(prefix) ?? '',
      attrs,
      children: Array.isArray(value) ? convertAll(value as RawNode[], childScope, budget) : [],
    };
  }
  return undefined;
}
