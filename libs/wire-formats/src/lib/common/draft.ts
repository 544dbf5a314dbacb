import { htmlToText, looksLikeHtml, sanitizeBodyHtml } from '../html/sanitize';
import { storyHtml } from '../html/story-html';
import { personalByline } from './byline';
import { leadSentence } from './text';
import type { ArticleDraft, ItemOutcome, RejectionCode } from './types';

/** What a format reader collects before the common rules decide. */
export type PartialDraft = Partial<ArticleDraft>;

const MAX_DERIVED_HEADLINE = 160;

export function reject(index: number, code: RejectionCode, reason: string, details?: Record<string, unknown>): ItemOutcome {
  return details ? { ok: false, index, code, reason, details } : { ok: false, index, code, reason };
}

/** Trims, collapses whitespace, drops empty strings. */
export function clean(text: string | undefined | null): string | undefined {
  if (typeof text !== 'string') return undefined;
  const out = text.replace(/\s+/g, ' ').trim();
  return out || undefined;
}

/** A short text field that may carry markup or entities (RSS titles often do). */
export function cleanInline(text: string | undefined | null): string | undefined {
  const trimmed = clean(text);
  if (!trimmed) return undefined;
  return looksLikeHtml(trimmed) ? clean(htmlToText(trimmed)) : trimmed;
}

/** Paragraph text, keeping blank lines between paragraphs. */
export function cleanBlock(text: string | undefined | null): string | undefined {
  if (typeof text !== 'string') return undefined;
  const out = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .flatMap(paragraphsOf)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return out || undefined;
}

/** Longer than any hard-wrapped line (wire and e-mail copy wrap at 60-80 columns). */
const UNWRAPPED_LINE = 100;

/**
 * A block between blank lines: hard-wrapped prose (every line but the last
 * short) is one paragraph; a block with a longer line was not wrapped, so its
 * single line breaks are paragraph breaks. Agencies (TT, ninjs text/plain
 * bodies) send one paragraph per line; joining those ran the headline and
 * the byline into the lead.
 */
function paragraphsOf(block: string): string[] {
  const lines = block.split('\n');
  if (lines.length < 2) return [block];
  const unwrapped = lines.slice(0, -1).some((line) => line.trim().length > UNWRAPPED_LINE);
  return unwrapped ? lines : [block];
}

/** Sanitised HTML and its text; undefined when nothing readable is left. */
export function fromHtml(html: string | undefined): { bodyHtml?: string; bodyText?: string } {
  if (!html || !html.trim()) return {};
  const bodyHtml = sanitizeBodyHtml(storyHtml(html));
  const bodyText = cleanBlock(htmlToText(bodyHtml));
  return bodyText ? { bodyHtml, bodyText } : {};
}

/** Plain text that may in fact be HTML (feeds and ninjs mix them up). */
export function fromTextOrHtml(text: string | undefined): { bodyHtml?: string; bodyText?: string } {
  if (!text || !text.trim()) return {};
  if (looksLikeHtml(text)) return fromHtml(text);
  const bodyText = cleanBlock(text);
  return { bodyText };
}


function dedupe<T>(values: T[] | undefined, key: (v: T) => string): T[] | undefined {
  if (!values || values.length === 0) return undefined;
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The rules every format shares. A headline is required; without one the
 * first sentence of the description or body stands in. bodyText is required
 * by the contract: a picture, video or flash without text uses its
 * description, then its headline (agencies send headline-only flashes).
 */
export function finishDraft(partial: PartialDraft, index: number): ItemOutcome {
  const description = clean(partial.description);
  const bodyText = partial.bodyText?.trim() ? partial.bodyText.trim() : undefined;
  const headline = clean(partial.headline) ?? (description ? leadSentence(description, MAX_DERIVED_HEADLINE) : bodyText ? leadSentence(bodyText, MAX_DERIVED_HEADLINE) : undefined);
  if (!headline) {
    return reject(index, 'missing-headline', 'no headline, description or body text in the item');
  }
  const article: ArticleDraft = {
    ...stripUndefined(partial),
    headline,
    bodyText: bodyText ?? description ?? headline,
    description,
    // A byline naming only accounts ("newsdesk_bot", "@wire") names no one.
    byline: personalByline(partial.byline),
    // "London (dpa) -": the dash belongs to the text that followed it.
    dateline: clean(partial.dateline)?.replace(/\s*[-–—]+$/, '') || undefined,
    subjects: dedupe(partial.subjects, (s) => `${s.scheme}|${s.code}|${s.name}`),
    keywords: dedupe(partial.keywords?.map((k) => k.trim()).filter(Boolean), (k) => k.toLowerCase()),
    people: dedupe(partial.people, (e) => e.uri ?? e.name),
    organisations: dedupe(partial.organisations, (e) => e.uri ?? e.name),
    places: dedupe(partial.places, (e) => e.uri ?? e.name),
    links: dedupe(partial.links, (l) => `${l.rel}|${l.href}`),
    renditions: dedupe(partial.renditions, (r) => r.href),
    signals: dedupe(partial.signals, (s) => s),
  };
  return { ok: true, article: stripUndefined(article) as ArticleDraft };
}

function stripUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

/** A qcode "medtop:04000000" split into scheme and code. */
export function splitQcode(qcode: string | undefined): { scheme?: string; code?: string } {
  if (!qcode) return {};
  const colon = qcode.indexOf(':');
  return colon > 0 ? { scheme: qcode.slice(0, colon), code: qcode.slice(colon + 1) } : { code: qcode };
}

/** Urgency 1-9 from whatever the source wrote, or undefined. */
export function toUrgency(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : undefined;
}

export function toVersion(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return Number.isSafeInteger(n) && n >= 0 && String(value ?? '').trim() !== '' ? n : undefined;
}

export function toPubStatus(value: unknown): ArticleDraft['pubStatus'] {
  const text = String(value ?? '').toLowerCase().replace(/^.*:/, '');
  if (text === 'usable' || text === 'withheld') return text;
  if (text === 'canceled' || text === 'cancelled') return 'canceled';
  return undefined;
}
