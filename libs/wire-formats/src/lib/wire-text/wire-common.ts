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
