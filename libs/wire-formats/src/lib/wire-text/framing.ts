/*
 * The transmission framing shared by IPTC 7901 and ANPA 1312: control
 * characters from the teleprinter era mark where the header, the text and
 * the trailer of a message begin and end.
 *
 *   [SYN SYN] SOH header... STX text... ETX trailer... EOT
 *
 * Real messages are often damaged: a gateway drops SOH, the ETX is missing,
 * the message is cut short. Framing never fails: a missing mark just leaves
 * the part it would have opened or closed empty or running to the end.
 */

export const SOH = '\u0001';
export const STX = '\u0002';
export const ETX = '\u0003';
export const EOT = '\u0004';
export const SYN = '\u0016';
/** ANPA's unit separator between the service code and the selector codes. */
export const US = '\u001f';

// eslint-disable-next-line no-control-regex -- control characters are this format's markup
const ANY_CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- SOH or STX: a header or a text is being opened (ETX or EOT alone may be a stray byte)
const HAS_FRAMING = /[\u0001\u0002]/;
/** Where a sender's header sits: the first few hundred characters. */
const HEAD_WINDOW = 1024;

export interface WireFrame {
  /** Between SOH (or the start) and STX: the header line and, in IPTC 7901, the keyword lines. */
  header: string;
  /** Between STX and ETX (or EOT, or the end). */
  text: string;
  /** Between ETX and EOT: the date and time of sending. */
  trailer: string;
  /** The header's first line with its control characters, for format marks (ANPA's DC1-DC4). */
  rawHeader: string;
  /** True when an STX opened the text; a message cut off in its header has none. */
  opened: boolean;
}

/** CR LF and lone CR become LF; every other control character goes. */
export function withoutControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ANY_CONTROL_BUT_LINES, '');
}

/** True when the text opens a header (SOH) or a text (STX) near its start. */
export function hasWireFraming(text: string): boolean {
  return HAS_FRAMING.test(text.slice(0, HEAD_WINDOW));
}

/**
 * Splits a message at its framing marks. Only the first STX and the first
 * ETX after it count: a second message glued on after EOT is not read.
 */
export function frameOf(input: string): WireFrame {
  const eot = input.indexOf(EOT);
  const message = eot === -1 ? input : input.slice(0, eot);
  const soh = message.slice(0, HEAD_WINDOW).indexOf(SOH);
  const afterSoh = soh === -1 ? message : message.slice(soh + 1);
  const stx = afterSoh.indexOf(STX);
  const header = stx === -1 ? '' : afterSoh.slice(0, stx);
  const rest = stx === -1 ? afterSoh : afterSoh.slice(stx + 1);
  const etx = rest.indexOf(ETX);
  const text = etx === -1 ? rest : rest.slice(0, etx);
  const trailer = etx === -1 ? '' : rest.slice(etx + 1);
  return {
    header: withoutControls(header),
    text: withoutControls(text),
    trailer: withoutControls(trailer),
    rawHeader: (stx === -1 ? afterSoh : header).split(/\r?\n/, 2).slice(0, 2).join('\n'),
    opened: stx !== -1,
  };
}

// eslint-disable-next-line no-control-regex -- "W2870<US>asian": ANPA's service level, sequence number and selector codes
const ANPA_SELECTOR = /^[\u0016\u0000\s]*\u0001[A-Za-z]\d{3,4}\u001f/;
// eslint-disable-next-line no-control-regex -- "f l<DC3><DC1> BC-...": priority, category and format identifier
const ANPA_FORMAT_LINE = /^[a-z] [a-z]{1,2}[\u0013\u0014][\u0011\u0012]/im;
// eslint-disable-next-line no-control-regex -- "eca062 4 i 211 ...": source and number, priority, category, word count
const IPTC7901_HEADER = /^[\u0016\u0000\s]*\u0001?[A-Za-z]{1,8}\d{1,6} \d [A-Za-z]{1,3} \d{1,5}(?: [^\n]{0,80})?\r?$/m;

export type WireTextFormat = 'anpa-1312' | 'iptc-7901';

/**
 * Tells an ANPA 1312 or IPTC 7901 message from other text, by its framing
 * and header. ANPA has a selector line with a unit separator and a format
 * line with DC1-DC4 marks; any other framed message is read as IPTC 7901,
 * the general standard, as is an unframed one whose first line is a 7901
 * header (a gateway stripped the control characters).
 */
export function wireTextFormat(text: string): WireTextFormat | undefined {
  const head = text.slice(0, HEAD_WINDOW);
  if (ANPA_SELECTOR.test(head) || ANPA_FORMAT_LINE.test(head.split('\n', 3).join('\n'))) return 'anpa-1312';
  if (hasWireFraming(head)) return 'iptc-7901';
  const firstLine = head.replace(/^\s+/, '').split('\n', 1)[0];
  return IPTC7901_HEADER.test(firstLine) ? 'iptc-7901' : undefined;
}
