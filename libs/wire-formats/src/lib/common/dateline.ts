/**
 * "WASHINGTON (Reuters) - ", "Berlin (dpa) - ", "BUENOS AIRES, Argentina (AP) — ": the place
 * (up to five capitalised words), an optional region, the agency in brackets, then a dash.
 */
const DATELINE = /^((?:\p{Lu}[\p{L}.'-]*)(?:[ ,]+\p{Lu}[\p{L}.'-]*){0,4})(?:,\s*[\p{L} .]{0,30})?\s*(\(([^)]{2,40})\))?\s*[-–—]{1,2}\s+\S/u;

export interface Dateline {
  /** As written, without the dash: "WASHINGTON (Reuters)". */
  text: string;
  /** The place, title-cased when written in capitals: "Washington". */
  located: string;
  /** The agency named in brackets: "Reuters". */
  provider?: string;
}

/** The dateline that opens a paragraph, if it opens with one. */
export function datelineOf(paragraph: string | undefined): Dateline | undefined {
  const m = DATELINE.exec(paragraph ?? '');
  if (!m) return undefined;
  return { text: m[0].replace(/\s*[-–—]{1,2}\s+\S$/u, '').trim(), located: titleCase(m[1].split(',')[0]), provider: m[3] };
}

/** The paragraph after its dateline: "WASHINGTON (Reuters) - The Fed held." -> "The Fed held." */
export function withoutDateline(paragraph: string): string {
  const m = DATELINE.exec(paragraph);
  return m ? paragraph.slice(m[0].length - 1) : paragraph;
}

export function startsWithDateline(paragraph: string): boolean {
  return DATELINE.test(paragraph);
}

/** "BUENOS AIRES" -> "Buenos Aires"; a name already in mixed case is kept. */
export function titleCase(text: string): string {
  if (text !== text.toUpperCase()) return text.trim();
  return text
    .toLowerCase()
    .replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase())
    .trim();
}
