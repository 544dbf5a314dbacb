import { personalByline } from '../common/byline';
import { cleanInline, finishDraft, fromHtml, type PartialDraft, reject } from '../common/draft';
import { readInput } from '../common/input';
import type { ParseOptions } from '../common/limits';
import { type ParseOutcome, ParseRejection } from '../common/types';
import { parseWireDate } from '../common/wire-date';
import { parsePlainText } from '../plaintext/plaintext-parser';
import { readFormStory } from './form-story';
import libmime from 'libmime';
import { decodedHeader, headerOf, isAttachment, leaves, type MimePart, partText, readMessage, splitHeaders } from './mime';

/*
 * A story sent by e-mail (RFC 5322 / MIME), as newsrooms still receive
 * stringers' copy, agency alerts and web-form submissions. The subject is the
 * headline, the text part (or the HTML part, when there is no text) the body,
 * read by the plain-text story reader so datelines, bylines, embargo notes and
 * sign-offs are handled as in any other text; the Message-ID names the story
 * (`mid:` URI, RFC 2392) and the Date header dates it. Attachments are not
 * read: a picture attached to a story is not the story.
 */

/** "Fwd:", "FW:", "Re:", "AW:", "TR:" and the like, as mail clients prefix a forwarded or answered subject. */
const REPLY_PREFIX = /^(?:(?:re|fwd?|aw|wg|tr|sv|vs|rif|r)\s*(?:\[\d+\])?\s*:\s*)+/i;
/** RFC 3676 signature delimiter; what follows is the sender's signature, not copy. */
const SIGNATURE = /(?:^|\n)-- ?\n[\s\S]*$/;
/** Editorial forms label their fields on their own lines ("Headline: ..."). */
const LABELLED = /^(headline|abstract|summary|slug(?:line)?|byline|dateline)\s*:\s*(.+)$/i;

/** The mail's own text: its text part, else its HTML part as text, without the signature. */
function ownText(message: MimePart): string {
  const inline = leaves(message).filter((p) => !isAttachment(p));
  const plain = inline.find((p) => p.type === 'text/plain');
  const html = plain ? undefined : inline.find((p) => p.type === 'text/html');
  const source = plain ? partText(plain) : html ? (fromHtml(partText(html)).bodyText ?? '') : '';
  return source.replace(/\r\n?/g, '\n').replace(SIGNATURE, '\n').trim();
}

/** Labelled lines at the top of the text: their values, and the text without them. */
function readLabels(text: string): { labels: Map<string, string>; rest: string } {
  const labels = new Map<string, string>();
  const kept: string[] = [];
  const lines = text.split('\n');
  // Only near the top: further down "Summary: ..." is copy.
  const scan = Math.min(lines.length, 30);
  lines.forEach((line, i) => {
    const match = i < scan ? LABELLED.exec(line.trim()) : null;
    if (match && !labels.has(match[1].toLowerCase())) labels.set(match[1].toLowerCase().replace(/^slug$/, 'slugline'), match[2].trim());
    else kept.push(line);
  });
  return { labels, rest: kept.join('\n') };
}

function messageUri(message: MimePart): string | undefined {
  const id = headerOf(message.headers, 'message-id')?.trim().replace(/^<|>$/g, '').trim();
  return id && !/\s/.test(id) ? `mid:${id}` : undefined;
}

/** The sender's display name, when it names a person ("Ben Everill <ben@...>"); an address alone is no byline. */
function senderName(message: MimePart): string | undefined {
  const from = decodedHeader(message.headers, 'from');
  const name = from ? /^\s*"?([^"<]+?)"?\s*<[^>]*>\s*$/.exec(from)?.[1] : undefined;
  // A first name alone ("Ben") or a desk's name is how a mailbox is labelled, not a byline.
  return name && !name.includes('@') && /\S\s+\S/.test(name) ? personalByline(name, { systemField: true }) : undefined;
}

function readStory(message: MimePart, body: string): PartialDraft {
  const subject = decodedHeader(message.headers, 'subject')?.replace(REPLY_PREFIX, '').trim();
  const date = parseWireDate(headerOf(message.headers, 'date'));
  const envelope: PartialDraft = {
    uri: messageUri(message),
    firstCreated: date,
    versionCreated: date,
    language: headerOf(message.headers, 'content-language')?.split(',')[0]?.trim() || undefined,
  };
  const form = readFormStory(body);
  if (form) return { ...envelope, ...form, headline: form.headline ?? cleanInline(subject) };
  if (!body) return { ...envelope, headline: cleanInline(subject) };
  const { labels, rest } = readLabels(body);
  const headline = labels.get('headline') ?? subject;
  // The plain-text reader takes the first line as the headline when no masthead says otherwise.
  const draft = parsePlainText(headline ? `${headline}\n\n${rest.trim()}` : rest);
  return {
    ...draft,
    ...envelope,
    firstCreated: envelope.firstCreated ?? draft.firstCreated,
    versionCreated: envelope.versionCreated ?? draft.versionCreated,
    language: envelope.language ?? draft.language,
    description: labels.get('abstract') ?? labels.get('summary') ?? draft.description,
    byline: personalByline(labels.get('byline')) ?? draft.byline ?? senderName(message),
    keywords: labels.has('slugline') ? [labels.get('slugline') as string] : draft.keywords,
  };
}

/** Reads a document attached to a mail (the dispatcher, one level down); undefined when it reads none. */
export type AttachmentReader = (content: string, contentType: string, filename: string | undefined) => ParseOutcome | undefined;

/** Attachments that may be the story itself: text, XML or JSON, by media type or file name. */
const STORY_TYPES = /^(text\/(plain|xml)|application\/([\w.+-]*\+)?(xml|json))$/;
const STORY_FILES = /\.(txt|xml|nitf|json|anpa|7901)$/i;
/** Attachments that carry a story with its metadata (NITF, NewsML, ninjs): read even beside a cover note. */
const STRUCTURED_TYPES = /^(text\/xml|application\/([\w.+-]*\+)?(xml|json))$/;
const STRUCTURED_FILES = /\.(xml|nitf|json)$/i;
/** A mail's own text this short, beside an attached NITF, NewsML or ninjs story, is a cover note ("Story attached, pls use"). */
const COVER_NOTE_WORDS = 60;

function filenameOf(part: MimePart): string | undefined {
  const disposition = headerOf(part.headers, 'content-disposition');
  const fromDisposition = disposition ? libmime.parseHeaderValue(disposition).params['filename'] : undefined;
  return fromDisposition ?? part.params['name'];
}

/**
 * A mail with no text of its own whose story is attached (a stringer's .txt, an agency's NITF or
 * NewsML file): the first attachment that reads as at least one story, its items as the mail's.
 */
function attachedStories(message: MimePart, read: AttachmentReader, structuredOnly = false): ParseOutcome | undefined {
  for (const part of leaves(message)) {
    if (!isAttachment(part)) continue;
    const filename = filenameOf(part);
    if (!STORY_TYPES.test(part.type) && !STORY_FILES.test(filename ?? '')) continue;
    if (structuredOnly && !STRUCTURED_TYPES.test(part.type) && !STRUCTURED_FILES.test(filename ?? '')) continue;
    const outcome = read(partText(part), part.type, filename);
    if (outcome?.items.some((i) => i.ok)) return outcome;
  }
  return undefined;
}

export function parseEmail(body: Buffer | string, options?: ParseOptions, readAttachment?: AttachmentReader): ParseOutcome {
  const { text } = readInput(body, options);
  const message = readMessage(withoutLeadingBlankLines(text));
  const own = ownText(message);
  // A mail that says nothing itself (no text part, or only a signature) may carry its story attached;
  // one with only a cover note may too, when the attachment is a structured story (NITF, NewsML, ninjs).
  const coverNote = own !== '' && own.split(/\s+/).length <= COVER_NOTE_WORDS;
  const attached = !readAttachment ? undefined : own === '' ? attachedStories(message, readAttachment) : coverNote ? attachedStories(message, readAttachment, true) : undefined;
  if (attached) {
    // The mail names and dates what its attachment does not.
    const uri = messageUri(message);
    const date = parseWireDate(headerOf(message.headers, 'date'));
    const items = attached.items.map((item, i) => (item.ok && (!item.article.uri || !item.article.firstCreated) ? { ...item, article: { ...item.article, uri: item.article.uri ?? (attached.items.length === 1 ? uri : uri && `${uri}#${i}`), firstCreated: item.article.firstCreated ?? date, versionCreated: item.article.versionCreated ?? date } } : item));
    return { format: 'email', items };
  }
  try {
    return { format: 'email', items: [finishDraft(readStory(message, own), 0)] };
  } catch (error) {
    if (error instanceof ParseRejection) return { format: 'email', items: [reject(0, error.code, error.message)] };
    throw error;
  }
}

/** Some gateways and hand-saved files put blank lines before the first header. */
function withoutLeadingBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\r?\n)+/, '');
}

const KNOWN_HEADERS = new Set(['from', 'to', 'cc', 'subject', 'date', 'message-id', 'mime-version', 'received', 'return-path', 'delivered-to', 'content-type', 'reply-to', 'sender', 'x-mailer', 'dkim-signature', 'arc-seal', 'x-received', 'references', 'in-reply-to']);

/**
 * Whether text is an Internet message: it opens with a header block (every
 * line a header or its continuation, up to a blank line) naming a sender or
 * subject and at least two other headers mail carries. A story that merely
 * begins "Subject: ..." has no such block.
 */
export function looksLikeEmail(text: string): boolean {
  const { headers, closed } = splitHeaders(withoutLeadingBlankLines(text.slice(0, 64 * 1024).replace(/^\ufeff/, '')));
  const names = [...headers.all.keys()];
  return closed && (headers.all.has('from') || headers.all.has('subject')) && names.filter((n) => KNOWN_HEADERS.has(n)).length >= 3;
}
