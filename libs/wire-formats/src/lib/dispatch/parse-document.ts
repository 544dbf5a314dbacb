import { reject } from '../common/draft';
import type { ParseLimits, ParseOptions } from '../common/limits';
import { readInput } from '../common/input';
import { parseXmlSafely } from '../xml/safe-xml';
import { type ParseInput, type ParseOutcome, ParseRejection, type SourceFormatName } from '../common/types';
import { parseEmail } from '../email/email-parser';
import { parseAtom } from '../feeds/atom-parser';
import { parseRss } from '../feeds/rss-parser';
import { parseNewsMlG2 } from '../newsml-g2/g2-parser';
import { parseNinjs } from '../ninjs/ninjs-parser';
import { parseNitf } from '../nitf/nitf-parser';
import { parseNewsMl1 } from '../newsml-1/newsml1-parser';
import { parsePlainTextDocument } from '../plaintext/plaintext-outcome';
import { parseRitzau } from '../ritzau/ritzau-parser';
import { parseAnpa1312, parseIptc7901 } from '../wire-text/wire-text-parser';
import { type DetectedFormat, formatFromFilename, formatFromMediaType, sniffFormat, sniffPlainText } from './sniff';

type Parser = (body: Buffer | string, options?: ParseOptions) => ParseOutcome;

/** Unknown XML still goes through the safe parser first: a bomb is reported as unsafe, not as unknown. */
function refuseUnknownXml(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text, limits } = readInput(body, options);
  const root = parseXmlSafely(text, limits);
  throw new ParseRejection('unsupported-format', `XML with root <${root.name}> is not a supported news format`);
}

const PARSERS: Record<Exclude<DetectedFormat, 'unknown'>, Parser> = {
  xml: refuseUnknownXml,
  plaintext: parsePlainTextDocument,
  ninjs: parseNinjs,
  'newsml-g2': parseNewsMlG2,
  nitf: parseNitf,
  rss: parseRss,
  atom: parseAtom,
  'newsml-1': parseNewsMl1,
  'anpa-1312': parseAnpa1312,
  'iptc-7901': parseIptc7901,
  // A story attached to a mail is read by the dispatcher one level down, never as another mail (no nesting).
  email: (body, options) => parseEmail(body, options, (content, contentType, filename) => readAttachment(content, contentType, filename, options)),
  'ritzau-xml': parseRitzau,
};

function readAttachment(content: string, contentType: string, filename: string | undefined, options?: ParseOptions): ParseOutcome | undefined {
  const detected = detectFormat({ body: content, contentType, filename }, content);
  const format = detected === 'email' || detected === 'unknown' ? (formatFromFilename(filename) ?? 'plaintext') : detected;
  if (format === 'email' || format === 'xml' || format === 'unknown') return undefined;
  try {
    return PARSERS[format](content, options);
  } catch {
    return undefined;
  }
}

export interface DispatchOptions {
  limits?: Partial<ParseLimits>;
}

/**
 * Chooses the format: a specific media type wins; a generic one (XML, JSON,
 * none) is settled by sniffing the content, then the file extension.
 */
export function detectFormat(input: ParseInput, text: string): DetectedFormat {
  const declared = formatFromMediaType(input.contentType);
  // "text/plain" is what many senders say of anything: the content decides between plain text and wire text or XML.
  if (declared === 'plaintext') return sniffPlainText(text);
  if (declared) return declared;
  const sniffed = sniffFormat(text);
  if (sniffed !== 'unknown' && sniffed !== 'xml') return sniffed;
  return formatFromFilename(input.filename) ?? sniffed;
}

function formatForReport(format: DetectedFormat, input: ParseInput): SourceFormatName {
  if (format !== 'unknown' && format !== 'xml') return format;
  return /json/i.test(input.contentType ?? '') ? 'json' : 'plaintext';
}

/**
 * Parses any supported document. Never throws for bad input: a document that
 * cannot be read at all comes back as an outcome with one rejected item
 * (index 0) carrying the code and reason, so callers handle per-item results
 * in one way. An unrecognised document gets 'unsupported-format'.
 */
export function parseDocument(input: ParseInput, options?: DispatchOptions): ParseOutcome {
  let format: DetectedFormat = 'unknown';
  try {
    const { text } = readInput(input.body, { limits: options?.limits, contentType: input.contentType });
    format = detectFormat(input, text);
    if (format === 'unknown') {
      throw new ParseRejection('unsupported-format', `cannot tell the format (content type "${input.contentType ?? 'none'}")`);
    }
    // The decoded text goes on, so the charset is not guessed twice.
    const outcome = PARSERS[format](text, { limits: options?.limits });
    return outcome.items.length > 0 ? outcome : { format: outcome.format, items: [reject(0, 'empty', 'no items in the document')] };
  } catch (error) {
    if (error instanceof ParseRejection) return { format: formatForReport(format, input), items: [reject(0, error.code, error.message, error.details)] };
    // A parser bug must not take the pipeline down: report it as malformed input, loudly.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { format: formatForReport(format, input), items: [reject(0, 'malformed', `parser failure: ${message.slice(0, 200)}`)] };
  }
}
