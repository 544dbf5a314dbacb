/**
 * Tells binary content (pictures, audio, archives, office files) from text before any text
 * parser sees it. Agencies deliver pictures and audio beside their stories (a NewsML-G2 item's
 * remote content, a Reuters "binary" rendition, a JPEG dropped into a story folder); decoded as
 * text, a JPEG's bytes include SOH and STX and used to pass for an IPTC 7901 message whose
 * headline was "ÿØÿà". Such a file is refused with what it looks like.
 */

/** Leading bytes of common non-text formats (file signatures). */
const SIGNATURES: readonly { kind: string; bytes: readonly (number | undefined)[] }[] = [
  { kind: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'a TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { kind: 'a TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { kind: 'a WebP image', bytes: [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x57, 0x45, 0x42, 0x50] },
  { kind: 'a WAV audio file', bytes: [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x57, 0x41, 0x56, 0x45] },
  { kind: 'an AVI video', bytes: [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x41, 0x56, 0x49, 0x20] },
  { kind: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'a ZIP archive or office document', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'a gzip stream', bytes: [0x1f, 0x8b] },
  { kind: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'an MP3 file (ID3)', bytes: [0x49, 0x44, 0x33, undefined] },
  { kind: 'an Ogg stream', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { kind: 'an MP4 or QuickTime file', bytes: [undefined, undefined, undefined, undefined, 0x66, 0x74, 0x79, 0x70] },
  { kind: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'an old-style office document (OLE)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

const WINDOW = 8192;
/**
 * Without a known signature, NULs tell: wire copy uses nearly every other C0 control (ANPA 1312
 * tables carry BS, DLE, DC1-DC4; IPTC 7901 DEL), but no text has many NULs inside it. A stray
 * NUL or two is removed from a story that is otherwise text, as before; some legacy systems pad
 * a message with NULs to a block size, so a trailing run does not count. Compressed or encoded
 * data has about one NUL in 256 bytes (32 in the window), a picture or audio header dozens.
 */
const INNER_NULS = 16;

function matchesSignature(at: (i: number) => number, length: number): string | undefined {
  for (const { kind, bytes } of SIGNATURES) {
    if (length < bytes.length) continue;
    if (bytes.every((b, i) => b === undefined || at(i) === b)) return kind;
  }
  return undefined;
}

/**
 * UTF-16 without a byte order mark puts a NUL beside every ASCII character, UTF-32 three; that
 * is text (decodeBuffer reads it), not binary.
 */
function looksLikeUtf16(bytes: Buffer, n: number): boolean {
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  const half = n / 2;
  return half > 0 && (evenNul / half > 0.3 || oddNul / half > 0.3) && Math.min(evenNul, oddNul) / half < 0.05;
}

function hasUtf16Mark(bytes: Buffer): boolean {
  return (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff);
}

/** UTF-32 without a BOM: in Latin script, two of every four bytes are zero at fixed places (2 and 3, or 0 and 1). */
function looksLikeUtf32(bytes: Buffer, n: number): boolean {
  const units = Math.floor(n / 4);
  if (units === 0) return false;
  const nul = [0, 0, 0, 0];
  for (let i = 0; i < units * 4; i++) if (bytes[i] === 0) nul[i % 4]++;
  const high = (k: number) => nul[k] / units > 0.9;
  return (high(2) && high(3) && !high(0)) || (high(0) && high(1) && !high(3));
}

/** What binary content this looks like ("a JPEG image", "binary data"), or undefined for text. */
export function binaryKind(body: Buffer | string): string | undefined {
  const n = Math.min(body.length, WINDOW);
  const at = typeof body === 'string' ? (i: number) => body.charCodeAt(i) : (i: number) => body[i];
  const signature = matchesSignature(at, body.length);
  if (signature) return signature;
  if (typeof body !== 'string' && (hasUtf16Mark(body) || looksLikeUtf16(body, n) || looksLikeUtf32(body, n))) return undefined;
  let last = n - 1;
  while (last >= 0 && at(last) === 0) last--;
  let nuls = 0;
  for (let i = 0; i < last && nuls < INNER_NULS; i++) if (at(i) === 0) nuls++;
  return nuls >= INNER_NULS ? 'binary data' : undefined;
}
