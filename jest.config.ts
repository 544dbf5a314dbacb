import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

// Every project's own jest config, run together by `npm test` (tools/test/run.mjs).
// testTimeout is a global option: per-project values are ignored in a multi-project run.
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  testTimeout: 120_000,
});
