import * as iconv from 'iconv-lite';
import libmime from 'libmime';
import * as libqp from 'libqp';

/*
 * An Internet message (RFC 5322) and its MIME parts (RFC 2045-2047), read
 * synchronously from text the dispatcher has already decoded. libmime and
 * libqp (nodemailer's, MIT) decode encoded words, header parameters and
 * quoted-printable; this file only splits headers from bodies and parts
 * from each other, with bounds so a hostile message costs linear time.
 */

export interface MimeHeaders {
  /** Lower-cased name -> every value in order, unfolded, encoded words left as sent. */
  readonly all: Map<string, string[]>;
}

export interface MimePart {
  headers: MimeHeaders;
  /** Lower-cased media type ("text/plain", "multipart/alternative"). */
  type: string;
  params: Record<string, string>;
  /** The body as sent (transfer encoding not yet undone); for multipart, the raw text between its boundaries. */
  raw: string;
  parts: MimePart[];
}

/** Deeper or wider than any real message; beyond it the rest is ignored, not recursed into. */
const MAX_DEPTH = 8;
const MAX_PARTS = 200;
const HEADER_LINE = /^([!-9;-~]+)[ \t]*:(.*)$/;

export function headerOf(headers: MimeHeaders, name: string): string | undefined {
  return headers.all.get(name)?.[0];
}

/**
 * Splits at the first blank line; unfolds continuation lines. Lines that are not headers end the block;
 * `closed` says the block ended at a blank line, as a message's does.
 */
export function splitHeaders(text: string): { headers: MimeHeaders; body: string; closed: boolean } {
  const all = new Map<string, string[]>();
  let last: { name: string; index: number } | undefined;
  let pos = 0;
  let closed = false;
  while (pos < text.length) {
    const end = text.indexOf('\n', pos);
    const lineEnd = end === -1 ? text.length : end;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    if (line === '') {
      pos = lineEnd + 1;
      closed = true;
      break;
    }
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      const values = all.get(last.name) as string[];
      values[last.index] += ` ${line.trim()}`;
    } else {
      const match = HEADER_LINE.exec(line);
      if (!match) break;
      const name = match[1].toLowerCase();
      const values = all.get(name) ?? [];
      values.push(match[2].trim());
      all.set(name, values);
      last = { name, index: values.length - 1 };
    }
    pos = lineEnd + 1;
  }
  return { headers: { all }, body: text.slice(Math.min(pos, text.length)), closed };
}

function contentTypeOf(headers: MimeHeaders, parentType: string): { type: string; params: Record<string, string> } {
  const header = headerOf(headers, 'content-type');
  // RFC 2046: a part of multipart/digest defaults to message/rfc822, any other to text/plain.
  if (!header) return { type: parentType === 'multipart/digest' ? 'message/rfc822' : 'text/plain', params: {} };
  const parsed = libmime.parseHeaderValue(header);
  return { type: parsed.value.toLowerCase().trim() || 'text/plain', params: parsed.params };
}

/** The parts between "--boundary" lines, up to the closing "--boundary--". */
function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const rawLine of body.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    if (line.startsWith(delimiter)) {
      const rest = line.slice(delimiter.length);
      if (rest.startsWith('--')) {
        if (current) parts.push(current.join('\n'));
        return parts;
      }
      if (rest.trim() === '') {
        if (current) parts.push(current.join('\n'));
        current = [];
        if (parts.length >= MAX_PARTS) return parts;
        continue;
      }
    }
    current?.push(rawLine);
  }
  if (current) parts.push(current.join('\n'));
  return parts;
}

export function readMessage(text: string): MimePart {
  let budget = MAX_PARTS;
  const read = (source: string, depth: number, parentType: string): MimePart => {
    const { headers, body } = splitHeaders(source);
    const { type, params } = contentTypeOf(headers, parentType);
    const part: MimePart = { headers, type, params, raw: body, parts: [] };
    if (type.startsWith('multipart/') && params['boundary'] && depth < MAX_DEPTH) {
      for (const child of splitMultipart(body, params['boundary'])) {
        if (--budget < 0) break;
        part.parts.push(read(child, depth + 1, type));
      }
    }
    return part;
  };
  return read(text, 0, '');
}

function decodeBytes(bytes: Buffer, charset: string | undefined): string {
  const name = (charset ?? 'utf-8').trim().toLowerCase();
  return iconv.encodingExists(name) ? iconv.decode(bytes, name) : bytes.toString('utf8');
}

/** A text part's content: transfer encoding undone, charset applied, flowed lines joined. */
export function partText(part: MimePart): string {
  const encoding = (headerOf(part.headers, 'content-transfer-encoding') ?? '').trim().toLowerCase();
  const charset = part.params['charset'];
  let text: string;
  if (encoding === 'base64') text = decodeBytes(Buffer.from(part.raw.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'), charset);
  // The dispatcher decoded the message once; a quoted-printable body is ASCII, its =XX escapes are bytes in the part's charset.
  else if (encoding === 'quoted-printable') text = decodeBytes(libqp.decode(part.raw.replace(/\r\n/g, '\n')), charset);
  else text = part.raw;
  text = text.replace(/\r\n?/g, '\n');
  // RFC 3676 format=flowed: a line ending in a space continues on the next (delsp=yes: without that space).
  if ((part.params['format'] ?? '').toLowerCase() === 'flowed') text = libmime.decodeFlowed(text, (part.params['delsp'] ?? '').toLowerCase() === 'yes');
  return text;
}

export function isAttachment(part: MimePart): boolean {
  return /^\s*attachment/i.test(headerOf(part.headers, 'content-disposition') ?? '');
}

/** Every leaf part, depth first, in the order sent. */
export function leaves(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leaves);
}

/** A header with its RFC 2047 encoded words decoded; undefined for an absent or blank one. */
export function decodedHeader(headers: MimeHeaders, name: string): string | undefined {
  const value = headerOf(headers, name);
  if (value === undefined) return undefined;
  let decoded: string;
  try {
    decoded = libmime.decodeWords(value);
  } catch {
    decoded = value;
  }
  return decoded.replace(/\s+/g, ' ').trim() || undefined;
}
