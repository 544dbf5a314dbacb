import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

// Every project's own jest config, run together by `npm test` (tools/test/run.mjs).
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
});
