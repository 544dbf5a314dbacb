import { personalByline } from '../common/byline';
import { cleanBlock, cleanInline, type PartialDraft } from '../common/draft';
import { paragraphsToHtml } from '../common/text';

/*
 * A web form's submission mailed as JSON (Google Forms and the like send
 * {"Headline": ["..."], "Body": ["..."], ...}: each field a list of answers).
 * Read only when it names both a headline and a body; any other JSON in a
 * mail stays text.
 */

type FormValue = string | string[];

function answer(form: Map<string, FormValue>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = form.get(name);
    const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('\n\n') : value;
    if (typeof text === 'string' && text.trim()) return text;
  }
  return undefined;
}

function asForm(text: string): Map<string, FormValue> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}') || trimmed.length > 1_000_000) return undefined;
  let value: unknown;
  try {
    // A mail client wraps long lines, even inside a JSON string; outside strings a line break is only whitespace.
    value = JSON.parse(trimmed.replace(/\r?\n/g, ' '));
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const form = new Map<string, FormValue>();
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))) form.set(key.trim().toLowerCase(), v as FormValue);
  }
  return form;
}

export function readFormStory(text: string): PartialDraft | undefined {
  const form = asForm(text);
  if (!form) return undefined;
  const headline = cleanInline(answer(form, 'headline', 'title'));
  const bodyText = cleanBlock(answer(form, 'body', 'body text', 'text', 'story'));
  if (!headline || !bodyText) return undefined;
  const slugline = cleanInline(answer(form, 'slugline', 'slug'));
  const dateline = cleanInline(answer(form, 'dateline'));
  return {
    headline,
    bodyText,
    bodyHtml: paragraphsToHtml(bodyText.split('\n\n')),
    description: cleanInline(answer(form, 'abstract', 'summary', 'standfirst')),
    byline: personalByline(answer(form, 'byline', 'by')),
    dateline,
    located: dateline,
    keywords: slugline ? [slugline] : undefined,
  };
}
