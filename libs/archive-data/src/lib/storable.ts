/**
 * FerretDB 1.x refuses documents that MongoDB accepts (and feeds contain them):
 * keys with '.' or a leading '$', nested arrays, NaN/Infinity and NUL
 * characters. Everything stored goes through here so both servers take it.
 */
const NUL = String.fromCharCode(0);

export function toStorable(value: unknown): unknown {
  if (typeof value === 'string') return value.includes(NUL) ? value.split(NUL).join('') : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) {
    // An inner array becomes an object so no array directly contains another.
    return value.map((item) => (Array.isArray(item) ? { items: toStorable(item) } : toStorable(item)));
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[storableKey(key)] = toStorable(v);
  }
  return out;
}

/** Fullwidth look-alikes keep the key readable while legal on both servers. */
export function storableKey(key: string): string {
  let k = key.split(NUL).join('');
  if (k.includes('.')) k = k.replace(/\./g, '\uFF0E');
  if (k.startsWith('$')) k = `\uFF04${k.slice(1)}`;
  return k === '' ? '_' : k;
}

export function stripNul(text: string): string {
  return toStorable(text) as string;
}
