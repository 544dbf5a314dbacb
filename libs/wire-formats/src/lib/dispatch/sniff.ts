import type { SourceFormatName } from '../common/types';
import { looksLikeEmail } from '../email/email-parser';
import { wireTextFormat } from '../wire-text/framing';

/**
 * 'xml' is XML whose root names no known format: it is still checked for safety before refusal.
 * Agency JSON formats are told apart from ninjs once the JSON is parsed, so sniffing says 'ninjs' for all JSON.
 */
export type DetectedFormat = Exclude<SourceFormatName, 'json' | 'dpa-digitalwires' | 'afp-json' | 'json-feed'> | 'xml' | 'unknown';

const BY_MEDIA_TYPE: Record<string, DetectedFormat> = {
  'text/plain': 'plaintext',
  'application/ninjs+json': 'ninjs',
  'application/vnd.iptc.g2.newsitem+xml': 'newsml-g2',
  'application/vnd.iptc.g2.newsmessage+xml': 'newsml-g2',
  'application/vnd.iptc.g2.packageitem+xml': 'newsml-g2',
  'application/vnd.iptc.g2.conceptitem+xml': 'newsml-g2',
  'application/vnd.iptc.g2.planningitem+xml': 'newsml-g2',
  'application/vnd.iptc.g2.knowledgeitem+xml': 'newsml-g2',
  'application/nitf+xml': 'nitf',
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/vnd.iptc.newsml+xml': 'newsml-1',
  'application/x-anpa-1312': 'anpa-1312',
  'text/x-anpa-1312': 'anpa-1312',
  'application/x-iptc-7901': 'iptc-7901',
  'text/x-iptc-7901': 'iptc-7901',
  'message/rfc822': 'email',
  // JSON Feed's own media type; the ninjs reader tells it from ninjs by its version URL.
  'application/feed+json': 'ninjs',
};

/** Media types that only say "some JSON" or "some XML": the content decides. */
const GENERIC = new Set(['application/json', 'text/json', 'application/xml', 'text/xml', 'application/octet-stream', '']);

/** Every media type the dispatcher understands, specific or generic. */
export const SUPPORTED_MEDIA_TYPES: readonly string[] = [...Object.keys(BY_MEDIA_TYPE), ...[...GENERIC].filter(Boolean)];

export function isSupportedMediaType(mediaType: string): boolean {
  return SUPPORTED_MEDIA_TYPES.includes(mediaType) || mediaType.endsWith('+json') || mediaType.endsWith('+xml');
}

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

export function formatFromMediaType(contentType: string | undefined): DetectedFormat | undefined {
  const type = mediaTypeOf(contentType);
  if (GENERIC.has(type)) return undefined;
  return BY_MEDIA_TYPE[type] ?? (type.endsWith('+json') ? 'ninjs' : undefined);
}

const ROOTS: Record<string, DetectedFormat> = {
  newsMessage: 'newsml-g2',
  newsItem: 'newsml-g2',
  packageItem: 'newsml-g2',
  conceptItem: 'newsml-g2',
  planningItem: 'newsml-g2',
  knowledgeItem: 'newsml-g2',
  catalogItem: 'newsml-g2',
  contentSet: 'newsml-g2',
  contentMeta: 'newsml-g2',
  groupSet: 'newsml-g2',
  nitf: 'nitf',
  rss: 'rss',
  RDF: 'rss',
  feed: 'atom',
  entry: 'atom',
  // NewsML 1 capitalises its elements; G2's are camel-case.
  NewsML: 'newsml-1',
  NewsItem: 'newsml-1',
  // Ritzau's own XML: one story, or the queue answer listing several.
  RBNews: 'ritzau-xml',
  XMLNewsQueuedResponse: 'ritzau-xml',
};

/** Name of the first element, skipping the declaration, comments, PIs and DOCTYPE; no parsing. */
export function rootElementName(text: string): string | undefined {
  const re = /<(!--[\s\S]*?-->|\?[\s\S]*?\?>|!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>|([A-Za-z_][\w.:-]*))/g;
  const head = text.slice(0, 64 * 1024);
  for (let i = 0; i < 64; i++) {
    const m = re.exec(head);
    if (!m) return undefined;
    if (m[3]) return m[3];
  }
  return undefined;
}

/** Looks at the first non-blank characters and, for XML, the root element; framed wire text by its control characters. */
export function sniffFormat(text: string): DetectedFormat {
  const wire = wireTextFormat(text.replace(/^\ufeff/, ''));
  if (wire) return wire;
  const head = text.slice(0, 4096).replace(/^\ufeff/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'ninjs';
  if (head.startsWith('<')) {
    const root = rootElementName(head.length < 4096 ? head : text.slice(0, 64 * 1024));
    if (!root) return 'xml';
    const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
    return ROOTS[local] ?? 'xml';
  }
  if (!head) return 'unknown';
  return looksLikeEmail(text) ? 'email' : 'plaintext';
}

/**
 * What text sent as text/plain really is: agencies post ANPA 1312 and IPTC 7901 messages, and
 * sometimes XML or JSON, as "plain text". Their control characters, root element or brackets say
 * so; anything else is plain text (unknown XML included: the plain-text reader refuses markup).
 */
export function sniffPlainText(text: string): DetectedFormat {
  const sniffed = sniffFormat(text);
  // JSON is JSON when it is closed as it was opened; a story may well start with "[UPDATE]".
  if (sniffed === 'ninjs') {
    const trimmed = text.trim();
    const closer = trimmed.startsWith('{') ? '}' : ']';
    return trimmed.endsWith(closer) ? 'ninjs' : 'plaintext';
  }
  return sniffed === 'xml' || sniffed === 'unknown' ? 'plaintext' : sniffed;
}

const BY_EXTENSION: Record<string, DetectedFormat> = {
  txt: 'plaintext',
  json: 'ninjs',
  rss: 'rss',
  atom: 'atom',
  nitf: 'nitf',
  eml: 'email',
};

export function formatFromFilename(filename: string | undefined): DetectedFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
}
