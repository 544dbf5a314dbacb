import type { PartialDraft } from '../common/draft';
import type { ArticleDraft } from '../common/types';
import { paragraphsToHtml } from '../common/text';
import { datelineOf } from '../common/dateline';
import { inlineText } from '../common/safe-text';
import { looksLikeHtml } from '../html/sanitize';

type Signal = NonNullable<ArticleDraft['signals']>[number];

/** What a take label says about the version: "CORRECTION", "1ST LEAD", "REFILE", "Berichtigung". */
export function signalsOfLabels(labels: string[]): Signal[] {
  const signals = new Set<Signal>();
  for (const label of labels) {
    if (/correct|berichtig|rectif|corrig/i.test(label)) signals.add('correction');
    else if (/lead|\bld\b|writethru|update|refile|neufassung|zusammenfassung/i.test(label)) signals.add('update');
  }
  return [...signals];
}

/**
 * Body fields from finished paragraphs: text, HTML, and the dateline the first one opens with.
 * Wire text carries no markup: a paragraph that has some (an attack, pasted HTML) keeps only its text.
 */
export function bodyFields(input: string[]): PartialDraft {
  const paragraphs = input.flatMap((p) => (looksLikeHtml(p) ? (inlineText(p) ?? []) : [p]));
  const dateline = datelineOf(paragraphs[0]);
  return {
    bodyText: paragraphs.join('\n\n') || undefined,
    bodyHtml: paragraphs.length > 0 ? paragraphsToHtml(paragraphs) : undefined,
    dateline: dateline?.text,
    located: dateline?.located,
    provider: dateline?.provider,
  };
}

/**
 * The transmission sequence of a header ("W2870": series `w`, number 2870;
 * "eca062": series `eca`, number 62). Its digits say where it wraps: four
 * digits run to 9999 and start again, so a gap can be told across the wrap.
 */
export function sequenceOf(series: string, digits: string): ArticleDraft['sequence'] {
  if (!/^\d{1,6}$/.test(digits) || !/^[A-Za-z]{1,8}$/.test(series)) return undefined;
  return { series: series.toLowerCase(), number: Number(digits), wrapsAfter: 10 ** digits.length - 1 };
}
