import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A file named by an environment variable, read once while the configuration is validated. */
export interface EnvFile {
  path: string;
  content: string;
}

/**
 * `*_FILE` variables (certificates, keys, passwords mounted as Kubernetes or
 * compose secrets): the file is read during start-up validation, so a missing
 * or unreadable file is a configuration error naming the variable, not a
 * failure on first connect. `secret` drops the trailing newline that `echo`
 * and most editors leave, which would otherwise become part of a password.
 */
export const envFile = ({ secret = false }: { secret?: boolean } = {}) =>
  z
    .string()
    .min(1)
    .optional()
    .transform((path, ctx): EnvFile | undefined => {
      if (path === undefined) return undefined;
      let content: string;
      try {
        content = readFileSync(path, 'utf8');
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
        return z.NEVER;
      }
      if (secret) content = content.replace(/\r?\n$/, '');
      if (!content) {
        ctx.addIssue({ code: 'custom', message: `${path} is empty` });
        return z.NEVER;
      }
      return { path, content };
    });
