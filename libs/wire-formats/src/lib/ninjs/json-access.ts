/**
 * ninjs changed its key style twice (versioncreated, versionCreated; 1.x
 * body_text). Reading keys through one folded form lets one reader cover
 * 1.x, 2.x and 3.x.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const fold = (key: string) => key.toLowerCase().replace(/[_-]/g, '');

export class Folded {
  private readonly map = new Map<string, Json>();
  constructor(readonly raw: JsonObject) {
    for (const [k, v] of Object.entries(raw)) {
      const f = fold(k);
      if (!this.map.has(f)) this.map.set(f, v);
    }
  }

  get(...keys: string[]): Json | undefined {
    for (const key of keys) {
      const value = this.map.get(fold(key));
      if (value !== undefined && value !== null) return value;
    }
    return undefined;
  }

  str(...keys: string[]): string | undefined {
    const value = this.get(...keys);
    if (typeof value === 'string') return value.trim() || undefined;
    if (typeof value === 'number') return String(value);
    return undefined;
  }

  list(...keys: string[]): Json[] {
    const value = this.get(...keys);
    if (Array.isArray(value)) return value;
    return value === undefined ? [] : [value];
  }

  /** Raw entries whose original key starts with a prefix ("body_"), for 1.x's open-ended names. */
  prefixed(prefix: string): [string, Json][] {
    return Object.entries(this.raw).filter(([k]) => k.toLowerCase().startsWith(prefix));
  }
}
