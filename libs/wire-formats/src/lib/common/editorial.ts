import { findDateInLine } from './dates';

/*
 * The editorial apparatus agencies wrap around a story: take and genre labels
 * ("1ST LEAD", "KORR-Bericht"), keyword lines ("Yemen/conflict/"), notes to
 * editors ("Eds:", "Achtung Redaktionen") and embargo instructions. None of it
 * is the story: readers keep it out of the headline and the body, and an
 * embargo instruction is kept as metadata. Matched on whole short lines only,
 * so a body sentence that mentions an embargo stays.
 */

const MAX_LABEL_CHARS = 60;
const MAX_NOTE_CHARS = 400;

/** Take, version and genre labels in the wire languages, alone on a line (possibly in brackets). */
const LABEL = new RegExp(
  '^[(\\[]?\\s*(' +
    [
      'extra', 'refile', 'repeat', 'rpt', 'urgent', 'flash', 'bulletin', 'alert', 'newsalert', 'advisory', 'advisories',
      'correction', 'corrected', 'corrects?', 'corrective', 'update(?: \\d+)?', 'wrap ?up', 'writethru', 'new lead',
      '(?:\\d+(?:st|nd|rd|th)|first|second|third) (?:lead|ld)(?:[- ]writethru)?', 'lead', 'sidebar', 'factbox', 'analysis',
      'eil(?:meldung)?', 'vorab', 'achtung', 'korr(?:espondenten)?-?bericht', 'zusammenfassung(?: \\d{1,2}(?:[.:]\\d\\d)? uhr)?',
      '(?:tages|wochen)?vorschau', 'wiederholung', 'berichtigung', 'erneut', 'neu', 'dringend', 'meldung', 'hintergrund',
      'interview', 'feature', 'porträt', 'analyse', 'kommentar', 'reportage', 'fragen und antworten', 'presseschau',
      'urgente', 'alerte', 'rectificatif', 'synthèse', 'papier général', 'avis', 'última hora', 'ultima ora',
    ].join('|') +
    ')\\s*[)\\]]?\\s*(?:[-–—:]\\s*[\\p{L} ]{1,30})?[.:!]?$',
  'iu',
);

/** "Yemen/conflict/", "Gastgewerbe / Hamburg / Hotels": the agency's keyword (slug) line. */
const KEYWORD_SEGMENT = "[\\p{L}\\p{N}#&.'’ -]{1,40}";
const KEYWORD_LINE = new RegExp(`^${KEYWORD_SEGMENT}(?:\\s*/\\s*${KEYWORD_SEGMENT})+\\s*/?$`, 'u');

/** "The following information is not for publication": what follows is notes to editors. */
const NOTES_MARKER =
  /^[([*]*\s*((the following|this) information is not (intended )?for publication|(diese|die folgenden) informationen? (ist|sind) nicht zur veröffentlichung bestimmt|(les informations suivantes|ce qui suit) ne (sont|est) pas destinée?s? à (la )?publication)\b/iu;

/** Notes to editors: never published, whatever follows on the line. */
const EDITOR_NOTE =
  /^[([*]*\s*(eds?\s*[:.]|editors?'?s?'? note\b|note to editors\b|editorial note\b|(achtung|hinweis)[,:]?\s+(an |für )?(die )?redaktion(en)?\b|an die redaktion(en)?\b|(note|avis) aux rédactions\b|nota (a|para) (los )?(editores|redacciones|redazioni)\b|(diese|die folgenden) informationen? (ist|sind) nicht zur veröffentlichung bestimmt|the following information is not (intended )?for publication|not for publication\b|nicht zur veröffentlichung\b)/iu;

/**
 * Embargo instructions; the time they name, when they name one, becomes `embargoed`. "Embargo on
 * Cuba to stay" is a headline: the word must be followed by a colon or a time word.
 */
const EMBARGO =
  /^[([*]*\s*(embargo\s*(:|until\b|till\b|before\b|bis\b|jusqu|hasta\b|fino\b)|embargoed\b|under embargo\b|hold for release\b|not for (publication|release|broadcast|use) (before|until)\b|sperrfrist\b|gesperrt bis\b|freigabe (ab|nicht vor)\b|frei ab\b|nicht vor .{1,60} (veröffentlichen|verwenden|senden)\b|sous embargo\b|bajo embargo\b)/iu;

export function isAgencyLabel(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_LABEL_CHARS && LABEL.test(text);
}

export function isKeywordLine(line: string): boolean {
  const text = line.trim();
  if (text.length > 120 || /[.!?]$/.test(text) || !text.includes('/')) return false;
  if (!KEYWORD_LINE.test(text)) return false;
  const segments = text.replace(/\/$/, '').split('/');
  // "AC/DC tour cancelled" is a headline: a keyword line ends with its slash or is a list of short terms.
  return text.endsWith('/') || (segments.length >= 3 && segments.every((s) => s.trim().split(/\s+/).length <= 3));
}

export function isNotesMarker(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_NOTE_CHARS && NOTES_MARKER.test(text);
}

export function isEditorNote(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_NOTE_CHARS && (EDITOR_NOTE.test(text) || NOTES_MARKER.test(text));
}

export function isEmbargoInstruction(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_NOTE_CHARS && EMBARGO.test(text);
}

export interface Embargo {
  /** The instruction as the source wrote it (brackets and asterisks trimmed). */
  note: string;
  /** The instant it names, when it names a day (a time alone cannot be placed). */
  until?: string;
}

/** Wire clock times as the date parser reads them: "10.00 Uhr MEZ" and "0001 GMT" become "10:00 MEZ" and "00:01 GMT". */
function clockTimes(text: string): string {
  return text
    .replace(/\b([01]?\d|2[0-3])\.([0-5]\d)(?=\s*(uhr|h)\b)/gi, '$1:$2')
    .replace(/\b([01]\d|2[0-3])([0-5]\d)(?=\s*(gmt|utc|mez|mesz|cet|cest|bst|edt|est|cdt|pdt)\b)/gi, '$1:$2')
    // "10:00 Uhr MEZ": the zone must follow the time for the parser to apply it.
    .replace(/(\d:[0-5]\d)\s*uhr\b/gi, '$1');
}

/** Reads an embargo instruction; `reference` places relative days ("Tuesday") and is the message's own date when known. */
export function readEmbargo(line: string, reference?: string): Embargo | undefined {
  if (!isEmbargoInstruction(line)) return undefined;
  const note = line.trim().replace(/^[([*\s]+|[)\]*\s]+$/g, '').replace(/\s+/g, ' ');
  const refDate = reference ? new Date(reference) : undefined;
  const found = findDateInLine(clockTimes(note), refDate && !Number.isNaN(refDate.getTime()) ? refDate : undefined);
  return found ? { note, until: found.iso } : { note };
}

/** One of the lines that frame a story rather than tell it. */
export function isApparatus(line: string): boolean {
  return isAgencyLabel(line) || isKeywordLine(line) || isEditorNote(line) || isEmbargoInstruction(line);
}
