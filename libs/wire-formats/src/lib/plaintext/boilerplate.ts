/**
 * Lines that publishers append to copy and that are never part of the story.
 * Matched against whole short paragraphs only, so a sentence in the body that
 * merely mentions "subscribe" stays.
 */
export const FOOTER_PATTERNS: RegExp[] = [
  /^about (the|this) author\b/i,
  /^(share|share this|share on|follow us|follow me)\b/i,
  /^(subscribe|sign up)\b.{0,80}$/i,
  /^(related|read more|more on this|see also)\b.{0,80}$/i,
  /^(tags?|topics?|filed under)\s*:/i,
  /^(©|\(c\)|copyright)\s/i,
  /all rights reserved\.?$/i,
  /^advertisement$/i,
  /^(click|tap) here\b/i,
  /^-{2,}\s*$|^_{3,}$|^={3,}$/,
  /^(end|ends|###|- ?30 ?-)$/i,
  /^(leave a (comment|reply)|comments?)$/i,
];

export const TAGLINE_PATTERNS: RegExp[] = [
  /^we are an? .{0,60}$/i,
  /^(the|your) .{0,40}\b(news|daily|newspaper|voice|source)\b.{0,30}$/i,
  /^(independent|trusted|breaking) .{0,60}$/i,
];

export function isFooter(paragraph: string): boolean {
  const text = paragraph.trim();
  return text.length < 160 && FOOTER_PATTERNS.some((re) => re.test(text));
}

export function isTagline(paragraph: string): boolean {
  const text = paragraph.trim();
  return text.length < 100 && TAGLINE_PATTERNS.some((re) => re.test(text));
}

/**
 * A photo caption left in the text by a web page or a picture desk: "1 of 4. Rescuers search ...",
 * "Photo: ...", or a sentence ending in the picture credit ("... REUTERS/Jane Doe", "(AP Photo/John Roe)").
 */
const CAPTION_PATTERNS: RegExp[] = [
  /^\d{1,3}\s+(of|von|de|sur|di|van)\s+\d{1,3}\s*[.:)\-–]/i,
  /^(photo|picture|image|foto|bild|caption|légende)\s*(\d{1,3})?\s*[:\-–]/i,
  /\((AP|AFP|dpa|EPA|Reuters|Getty Images)\s*(Photo|Foto)?\s*\/[^)]{2,60}\)\.?$/i,
  /\b(REUTERS|AFP|EPA|DPA|AP PHOTO|GETTY IMAGES)\/[\p{L} .'-]{2,60}$/u,
];

export function isCaption(paragraph: string): boolean {
  const text = paragraph.trim();
  return text.length < 400 && CAPTION_PATTERNS.some((re) => re.test(text));
}
