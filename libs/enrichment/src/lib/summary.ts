import { eachSentence } from './text-stats';

export const SUMMARY_EXTRACTOR = { extractor: 'newswire-lead', version: '0.1.0' } as const;

/**
 * Lead summary: news is written as an inverted pyramid, so the first
 * sentences are the summary. The dateline is dropped; stops at maxChars.
 */
export function leadSummary(body: string, datelineText?: string, maxSentences = 2, maxChars = 400): string {
  const text = datelineText && body.trimStart().startsWith(datelineText) ? body.trimStart().slice(datelineText.length).trim() : body;
  const out: string[] = [];
  for (const s of eachSentence(text)) {
    if (out.length >= maxSentences || (out.length && out.join(' ').length + s.length > maxChars)) break;
    out.push(s);
  }
  const joined = out.join(' ');
  return joined.length > maxChars ? `${joined.slice(0, maxChars - 1).replace(/\s+\S*$/, '')}…` : joined;
}
