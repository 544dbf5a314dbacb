import { ConfigError } from './load-config';
import type { DevModeConfig } from './dev-mode';

/**
 * One way a service would be open to strangers (a broker or store reached
 * without credentials, traffic in clear text), with the configuration
 * problems that name the variables closing it.
 */
export interface SecurityGap {
  /** What is open, as the development-mode banner lists it. */
  open: string;
  /** `VARIABLE: what it must be`, reported outside development mode. */
  problems: string[];
}

/** What one library finds in its part of a service's configuration. */
export interface SecurityAssessment {
  /** Which link it is about: what NEWSWIRE_ALLOW_INSECURE may waive. */
  link: 'kafka' | 'store';
  /** Settings that contradict each other: refused in every mode. */
  invalid: string[];
  /** Refused outside development mode, listed in the banner inside it. */
  gaps: SecurityGap[];
}

/**
 * Secure by default: outside development mode any gap stops the service
 * with a ConfigError (exit 78) naming each variable to set. In development
 * mode gaps are allowed and returned, for the banner to say what is open.
 * Kept apart from the zod schemas so that those stay extendable (zod 4
 * refuses `.extend()` on a schema that carries refinements).
 */
export function enforceSecurity(
  service: string,
  config: Pick<DevModeConfig, 'NEWSWIRE_DEV_MODE'> & Partial<Pick<DevModeConfig, 'NEWSWIRE_ALLOW_INSECURE'>>,
  assessments: SecurityAssessment[],
): string[] {
  const allowed = config.NEWSWIRE_ALLOW_INSECURE ?? [];
  const invalid = assessments.flatMap((a) => a.invalid);
  const waived = (a: SecurityAssessment) => config.NEWSWIRE_DEV_MODE || allowed.includes(a.link);
  const refused = assessments.filter((a) => !waived(a)).flatMap((a) => a.gaps);
  const problems = [...invalid, ...refused.flatMap((g) => g.problems)];
  if (problems.length) throw new ConfigError(service, problems);
  const open = assessments.filter(waived).flatMap((a) => a.gaps.map((g) => g.open));
  if (!config.NEWSWIRE_DEV_MODE && open.length) {
    // Knowingly insecure links outside development mode: said once, loudly, at start-up.
    process.stderr.write(`${service}: WARNING: running with NEWSWIRE_ALLOW_INSECURE=${allowed.join(',')}:\n${open.map((o) => `  - ${o}`).join('\n')}\n`);
  }
  return open;
}

/** The suffix of every gap problem: what is required, and the only way around it. */
export const OUTSIDE_DEV_MODE = 'required outside development mode (NEWSWIRE_DEV_MODE=true is for local development only; NEWSWIRE_ALLOW_INSECURE=kafka,store waives it knowingly)';
