import nx from '@nx/eslint-plugin';

// Which kinds of project may import which: apps are thin adapters over domain
// logic; domain libs stay free of frameworks, brokers and databases.
const FRAMEWORKS = ['@nestjs/*', 'kafkajs', 'mongoose', 'mongodb', 'express'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/node_modules'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs', '**/*.cts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:contracts', 'type:infra'] },
            // The operator tools (CLI, benchmarks) drive the platform from outside, as an app does.
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:contracts', 'type:infra', 'type:testing'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:data-access', 'type:contracts', 'type:infra'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:domain'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              bannedExternalImports: FRAMEWORKS,
            },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: FRAMEWORKS },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:contracts', 'type:infra', 'type:testing'],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:ingest', onlyDependOnLibsWithTags: ['scope:shared', 'scope:ingest'] },
            { sourceTag: 'scope:enrich', onlyDependOnLibsWithTags: ['scope:shared', 'scope:enrich'] },
            { sourceTag: 'scope:dedup', onlyDependOnLibsWithTags: ['scope:shared', 'scope:dedup'] },
            { sourceTag: 'scope:storage', onlyDependOnLibsWithTags: ['scope:shared', 'scope:storage'] },
            {
              sourceTag: 'scope:testing',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:ingest', 'scope:enrich', 'scope:dedup', 'scope:storage', 'scope:testing'],
            },
            { sourceTag: 'scope:ops', onlyDependOnLibsWithTags: ['scope:shared', 'scope:ingest', 'scope:enrich', 'scope:dedup', 'scope:storage', 'scope:testing'] },
            { sourceTag: 'scope:pipeline', onlyDependOnLibsWithTags: ['scope:shared', 'scope:storage', 'scope:testing', 'scope:pipeline'] },
          ],
        },
      ],
    },
  },
  {
    // Tests may use the testing lib and whatever the project under test uses; build configs use tools/.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/jest.config.cts', '**/webpack.config.js'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
