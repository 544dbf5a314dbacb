/** Statuses that carry a Location to follow. */
export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export type RedirectDecision = { follow: URL } | { refuse: 'too_many_redirects' | 'bad_redirect'; reason: string };

/**
 * Where a redirect leads, or why it is not followed: past `maxRedirects`
 * hops, without a Location, or to anything but http/https (the address is
 * checked by the caller after resolving the new host, as for the first hop).
 * Credentials in the target URL are refused: they would be sent to a host
 * the registry never named.
 */
export function followRedirect(from: URL, location: string | undefined, hopsSoFar: number, maxRedirects: number): RedirectDecision {
  if (hopsSoFar >= maxRedirects) return { refuse: 'too_many_redirects', reason: `more than ${maxRedirects} redirect(s)` };
  if (!location) return { refuse: 'bad_redirect', reason: 'a redirect without a Location header' };
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return { refuse: 'bad_redirect', reason: 'a redirect to a Location that is not a URL' };
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') return { refuse: 'bad_redirect', reason: `a redirect to a ${next.protocol} URL` };
  if (next.username || next.password) return { refuse: 'bad_redirect', reason: 'a redirect to a URL with credentials' };
  return { follow: next };
}

/**
 * Whether the source's credential header may go with a request to `to`:
 * only to the origin the registry names, never to where a redirect points
 * elsewhere (as browsers drop Authorization on cross-origin redirects).
 */
export function sameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin;
}
