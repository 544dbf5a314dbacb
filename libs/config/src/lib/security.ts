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
export function enforceSecurity(service: string, config: DevModeConfig, assessments: SecurityAssessment[]): string[] {
  const invalid = assessments.flatMap((a) => a.invalid);
  const gaps = assessments.flatMap((a) => a.gaps);
  const problems = config.NEWSWIRE_DEV_MODE ? invalid : [...invalid, ...gaps.flatMap((g) => g.problems)];
  if (problems.length) throw new ConfigError(service, problems);
  return gaps.map((g) => g.open);
}

/** The suffix of every gap problem: what is required, and the only way around it. */
export const OUTSIDE_DEV_MODE = 'required outside development mode (NEWSWIRE_DEV_MODE=true is for local development only)';
