/**
 * Identifiers in the shapes the standards want. ninjs types `uri` fields as
 * RFC 3986 URIs; many wire ids (ANPA, NewsML 1, agency JSON) are not, so they
 * are carried as a URN with the id percent-encoded, and the id itself as a literal.
 */

// scheme ":" then unreserved, sub-delims, ":", "@", "/", "?" and percent escapes; one optional fragment.
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$/;

export function isAbsoluteUri(value: string | undefined): value is string {
  return value !== undefined && ABSOLUTE_URI.test(value);
}

/** The id as it is when it is a URI, else a URN that carries it percent-encoded. */
export function asUri(value: string, kind: string): string {
  return isAbsoluteUri(value) ? value : `urn:newswire:${kind}:${encodeURIComponent(value)}`;
}

/** GeoNames' own URI form for a feature (https://www.geonames.org/ontology/documentation.html). */
export const geonamesUri = (id: number) => `https://sws.geonames.org/${id}/`;
/** Wikidata's concept URI for an item (https://www.wikidata.org/wiki/Wikidata:Identifiers). */
export const wikidataUri = (qid: string) => `http://www.wikidata.org/entity/${qid}`;

/** IPTC NewsCodes schemes the platform uses, by their usual qcode alias. */
const IPTC_SCHEMES: Record<string, string> = {
  medtop: 'http://cv.iptc.org/newscodes/mediatopic/',
  subj: 'http://cv.iptc.org/newscodes/subjectcode/',
  genre: 'http://cv.iptc.org/newscodes/genre/',
};

/** A qcode's URI when its scheme is an IPTC NewsCodes alias ("medtop:11000000"). */
export function qcodeUri(scheme: string | undefined, code: string | undefined): string | undefined {
  const base = scheme ? IPTC_SCHEMES[scheme.toLowerCase()] : undefined;
  return base && code && /^[A-Za-z0-9._-]+$/.test(code) ? `${base}${code}` : undefined;
}

/** "scheme:code" when both parts make a qcode, else undefined. */
export function qcodeOf(scheme: string | undefined, code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (!scheme) return /^[A-Za-z][\w.-]*:\S+$/.test(code) ? code : undefined;
  return /^[A-Za-z][\w.-]*$/.test(scheme) && !/\s/.test(code) ? `${scheme}:${code}` : undefined;
}
