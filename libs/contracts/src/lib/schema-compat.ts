import type { JsonSchema } from './json-schema';

/**
 * Whether consumers written against `previous` still accept everything a
 * producer may send under `next`, and producers' old messages still pass.
 * Breaking: a removed field, a new required field, a narrowed type, enum or
 * bound, a new pattern or format. Adding optional fields or enum values is not.
 */
export function breakingChanges(previous: JsonSchema, next: JsonSchema, path = '$'): string[] {
  const out: string[] = [];
  const oldTypes = typesOf(previous);
  const newTypes = typesOf(next);
  if (oldTypes && newTypes) {
    const lost = oldTypes.filter((t) => !newTypes.includes(t) && !(t === 'integer' && newTypes.includes('number')));
    if (lost.length) out.push(`${path}: type narrowed (no longer ${lost.join(', ')})`);
  } else if (!oldTypes && newTypes && !previous['anyOf'] && !previous['enum'] && !previous['const']) {
    out.push(`${path}: type constrained to ${newTypes.join(', ')}`);
  }

  const oldEnum = previous['enum'] as unknown[] | undefined;
  const newEnum = next['enum'] as unknown[] | undefined;
  if (newEnum && (!oldEnum || oldEnum.some((v) => !newEnum.some((n) => JSON.stringify(n) === JSON.stringify(v))))) {
    out.push(`${path}: enum narrowed (${JSON.stringify(oldEnum ?? 'any')} -> ${JSON.stringify(newEnum)})`);
  }
  if ('const' in next && JSON.stringify(next['const']) !== JSON.stringify(previous['const'])) out.push(`${path}: const changed`);

  for (const key of ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'] as const) {
    const o = previous[key] as number | undefined;
    const n = next[key] as number | undefined;
    if (n !== undefined && (o === undefined || n > o)) out.push(`${path}: ${key} raised to ${n}`);
  }
  for (const key of ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'] as const) {
    const o = previous[key] as number | undefined;
    const n = next[key] as number | undefined;
    if (n !== undefined && (o === undefined || n < o)) out.push(`${path}: ${key} lowered to ${n}`);
  }
  for (const key of ['pattern', 'format'] as const) {
    if (next[key] !== undefined && next[key] !== previous[key]) out.push(`${path}: ${key} now ${String(next[key])}`);
  }
  if (next['additionalProperties'] === false && previous['additionalProperties'] !== false) out.push(`${path}: extra properties now refused`);

  const oldProps = (previous['properties'] ?? {}) as Record<string, JsonSchema>;
  const newProps = (next['properties'] ?? {}) as Record<string, JsonSchema>;
  const oldRequired = (previous['required'] ?? []) as string[];
  for (const name of Object.keys(oldProps)) {
    if (!(name in newProps)) out.push(`${path}.${name}: field removed`);
    else out.push(...breakingChanges(oldProps[name], newProps[name], `${path}.${name}`));
  }
  for (const name of (next['required'] ?? []) as string[]) {
    if (!oldRequired.includes(name)) out.push(`${path}.${name}: newly required`);
  }

  if (previous['items'] && next['items']) out.push(...breakingChanges(previous['items'] as JsonSchema, next['items'] as JsonSchema, `${path}[]`));
  const oldAny = previous['anyOf'] as JsonSchema[] | undefined;
  const newAny = next['anyOf'] as JsonSchema[] | undefined;
  if (oldAny && newAny) {
    // Every old alternative must still be accepted by some new alternative.
    oldAny.forEach((alt, i) => {
      if (!newAny.some((n) => breakingChanges(alt, n).length === 0)) out.push(`${path}.anyOf[${i}]: alternative no longer accepted`);
    });
  } else if (!oldAny && newAny && !oldTypes) {
    out.push(`${path}: constrained to alternatives`);
  }
  return out;
}

function typesOf(schema: JsonSchema): string[] | undefined {
  const t = schema['type'];
  if (t === undefined) return undefined;
  return Array.isArray(t) ? (t as string[]) : [t as string];
}
