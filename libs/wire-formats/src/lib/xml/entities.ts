import { ParseRejection } from '../common/types';

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REF = /&(?:#(\d{1,8})|#x([0-9a-fA-F]{1,7})|([A-Za-z][\w.-]{0,31}));/g;

/** Shared across one document so the cap covers all text and attributes together. */
export interface EntityBudget {
  remaining: number;
}

function codePointToString(cp: number): string {
  const valid = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0x10ffff && cp !== 0xfffe && cp !== 0xffff);
  return valid ? String.fromCodePoint(cp) : '\ufffd';
}

/**
 * Decodes the five XML entities and numeric character references. Any other
 * named reference stays as written: without a DTD it has no defined meaning,
 * and HTML carried in XML resolves it later in the HTML sanitiser.
 * Each reference yields at most one character, so there is no amplification;
 * the budget only bounds the work.
 */
export function decodeXmlEntities(text: string, budget: EntityBudget): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(REF, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (--budget.remaining < 0) throw new ParseRejection('too-large', 'too many character references in the document');
    if (dec !== undefined) return codePointToString(Number.parseInt(dec, 10));
    if (hex !== undefined) return codePointToString(Number.parseInt(hex, 16));
    return PREDEFINED[name ?? ''] ?? whole;
  });
}
