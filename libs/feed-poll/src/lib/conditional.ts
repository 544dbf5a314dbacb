/** What the last 200 said, to ask "has it changed?" next time. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** `If-None-Match` / `If-Modified-Since` from the last full response; none the first time. */
export function conditionalHeaders(v: Validators | undefined): Record<string, string> {
  return {
    ...(v?.etag ? { 'if-none-match': v.etag } : {}),
    ...(v?.lastModified ? { 'if-modified-since': v.lastModified } : {}),
  };
}

/** The validators of a 200 response. Weak ETags are kept: they are what If-None-Match compares. */
export function validatorsOf(headers: Record<string, string | string[] | undefined>): Validators {
  const one = (name: string) => {
    const v = headers[name];
    const s = Array.isArray(v) ? v[0] : v;
    // A header value with a line break is not one a client should send back.
    return s && s.length <= 1024 && !/[\r\n]/.test(s) ? s : undefined;
  };
  const etag = one('etag');
  const lastModified = one('last-modified');
  return { ...(etag ? { etag } : {}), ...(lastModified && !Number.isNaN(Date.parse(lastModified)) ? { lastModified } : {}) };
}
