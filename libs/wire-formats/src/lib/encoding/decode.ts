import chardet from 'chardet';
import * as iconv from 'iconv-lite';

export type EncodingSource = 'bom' | 'content-type' | 'declaration' | 'detected' | 'default';

export interface DecodedText {
  text: string;
  /** Name of the encoding actually used, lower case. */
  encoding: string;
  source: EncodingSource;
  /** What the document or transport claimed, when it differs from what was used. */
  declared?: string;
}

const SINGLE_BYTE = /^(iso-?8859-?\d+|latin-?\d|windows-125\d|cp125\d|us-ascii|ascii)$/i;
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function bomOf(buf: Buffer): { encoding: string; length: number } | undefined {
  const [a, b, c, d] = [buf[0], buf[1], buf[2], buf[3]];
  // UTF-32LE shares its first two bytes with UTF-16LE: test it first.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * UTF-16 without a BOM or a declaration: text in Latin script has a zero byte
 * beside every letter, so two ASCII-range units in a row give it and its byte
 * order away ("<?xml" in XML, "{" in JSON, a letter in plain text). UTF-32 likewise,
 * with three zero bytes per ASCII character.
 */
function bomlessUtf16(buf: Buffer): string | undefined {
  if (buf.length < 4) return undefined;
  // UTF-32 puts three zero bytes beside an ASCII character ("<" is 3C 00 00 00 or 00 00 00 3C).
  if (buf.length >= 8 && buf[0] !== 0 && buf[1] === 0 && buf[2] === 0 && buf[3] === 0 && buf[4] !== 0 && buf[5] === 0) return 'utf-32le';
  if (buf.length >= 8 && buf[0] === 0 && buf[1] === 0 && buf[2] === 0 && buf[3] !== 0 && buf[4] === 0 && buf[7] !== 0) return 'utf-32be';
  if (buf[0] !== 0 && buf[1] === 0 && buf[2] !== 0 && buf[3] === 0) return 'utf-16le';
  if (buf[0] === 0 && buf[1] !== 0 && buf[2] === 0 && buf[3] !== 0) return 'utf-16be';
  return undefined;
}

type WideCharset = 'utf-16le' | 'utf-16be' | 'utf-16' | 'utf-32le' | 'utf-32be' | 'utf-32';
const WIDE: Record<string, WideCharset> = {
  utf16le: 'utf-16le',
  ucs2: 'utf-16le',
  utf16be: 'utf-16be',
  utf16: 'utf-16',
  utf32le: 'utf-32le',
  utf32be: 'utf-32be',
  utf32: 'utf-32',
};

function wideCharset(name: string | undefined): WideCharset | undefined {
  return name ? WIDE[name.toLowerCase().replace(/[-_]/g, '')] : undefined;
}

/**
 * A transport label of UTF-16/32 is believed when the bytes can be that: a
 * whole number of code units, and zero bytes (Latin text) or bytes that are
 * not UTF-8 anyway (other scripts). Plain UTF-8 mislabelled UTF-16 is common
 * enough (a client's default) to be worth not turning into garbage.
 */
function plausiblyWide(buf: Buffer, charset: WideCharset, validUtf8: boolean): boolean {
  const unit = charset.startsWith('utf-32') ? 4 : 2;
  return buf.length % unit === 0 && (buf.includes(0) || !validUtf8);
}

/**
 * "utf-16" / "utf-32" without a BOM: RFC 2781 says big-endian, but Windows
 * software writes little-endian. The zero bytes of Latin text tell which.
 */
function withByteOrder(buf: Buffer, charset: WideCharset): string {
  if (charset === 'utf-32') return buf[0] === 0 ? 'utf-32be' : 'utf-32le';
  if (charset !== 'utf-16') return charset;
  let evenZeros = 0;
  let oddZeros = 0;
  const end = Math.min(buf.length, 4096);
  for (let i = 0; i < end; i++) {
    if (buf[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  return oddZeros > evenZeros ? 'utf-16le' : 'utf-16be';
}

export function charsetFromContentType(contentType?: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return match?.[1].toLowerCase();
}

/** Reads an XML encoding declaration or an HTML meta charset from the first bytes. */
export function declaredCharset(buf: Buffer): string | undefined {
  const head = buf.subarray(0, 1024).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1].toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1].toLowerCase();
}

function isValidUtf8(buf: Buffer): boolean {
  try {
    utf8Strict.decode(buf);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(buf: Buffer): boolean {
  for (const byte of buf) if (byte > 0x7f) return true;
  return false;
}

/** Browsers read "ISO-8859-1" as windows-1252; agencies' files rely on it for quotes and dashes. */
function normaliseSingleByte(name: string): string {
  return /^(iso-?8859-?1|latin-?1|us-ascii|ascii)$/i.test(name) ? 'windows-1252' : name.toLowerCase();
}

function decodeWith(buf: Buffer, encoding: string): string {
  if (encoding === 'utf-8') return buf.toString('utf8');
  return iconv.decode(buf, encoding);
}

function detect(buf: Buffer): string {
  const guesses = chardet.analyse(buf.subarray(0, 64 * 1024));
  const best = guesses.find((g) => g.confidence >= 10 && iconv.encodingExists(g.name) && !/^utf-(16|32)/i.test(g.name));
  return best ? normaliseSingleByte(best.name) : 'windows-1252';
}

/**
 * Turns bytes into text. Order: byte-order mark, the zero bytes of BOM-less
 * UTF-16, transport charset, in-document declaration, then detection. A
 * UTF-16/32 label in the document itself is not trusted without a BOM (the
 * XML spec requires one, and such files have usually been re-encoded). A
 * declared single-byte charset over bytes that are valid multi-byte UTF-8 is
 * treated as a mislabel (common in agency feeds); declared UTF-8 that is not
 * valid UTF-8 is re-detected.
 */
export function decodeBuffer(input: Buffer | string, contentType?: string): DecodedText {
  if (typeof input === 'string') return { text: stripLeadingBom(input), encoding: 'utf-16', source: 'default' };
  const bom = bomOf(input);
  if (bom) return { text: decodeWith(input.subarray(bom.length), bom.encoding), encoding: bom.encoding, source: 'bom' };
  const utf16 = bomlessUtf16(input);
  if (utf16) return { text: iconv.decode(input, utf16), encoding: utf16, source: 'detected' };

  const fromType = charsetFromContentType(contentType);
  const validUtf8 = isValidUtf8(input);
  const wide = wideCharset(fromType);
  if (wide && plausiblyWide(input, wide, validUtf8)) {
    const encoding = withByteOrder(input, wide);
    return { text: iconv.decode(input, encoding), encoding, source: 'content-type' };
  }
  const fromDoc = declaredCharset(input);
  const declared = fromType ?? fromDoc;
  const source: EncodingSource = fromType ? 'content-type' : 'declaration';

  if (declared && iconv.encodingExists(declared) && !/^utf-?(16|32)/i.test(declared)) {
    if (/^utf-?8$/i.test(declared)) {
      if (validUtf8) return { text: input.toString('utf8'), encoding: 'utf-8', source };
      const guess = detect(input);
      return { text: decodeWith(input, guess), encoding: guess, source: 'detected', declared };
    }
    if (SINGLE_BYTE.test(declared) && validUtf8 && hasNonAscii(input)) {
      return { text: input.toString('utf8'), encoding: 'utf-8', source: 'detected', declared };
    }
    const encoding = normaliseSingleByte(declared);
    return { text: decodeWith(input, encoding), encoding, source };
  }
  if (validUtf8) return { text: input.toString('utf8'), encoding: 'utf-8', source: 'default', declared };
  const guess = detect(input);
  return { text: decodeWith(input, guess), encoding: guess, source: 'detected', declared };
}

function stripLeadingBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
