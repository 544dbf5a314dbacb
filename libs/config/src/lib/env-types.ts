import { z } from 'zod';

/** Environment values are strings; these coerce and bound them with clear messages. */
export const envInt = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(def);

export const envBool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(def ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const envList = (def: string) =>
  z
    .string()
    .default(def)
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string()).min(1, 'must list at least one value'));

/** Nest's levels; `info` (what most log tooling calls it) is read as `log`. */
export const envLogLevel = z
  .preprocess((v) => (v === 'info' ? 'log' : v), z.enum(['error', 'warn', 'log', 'debug', 'verbose']).optional())
  .transform((v) => v ?? 'log');
