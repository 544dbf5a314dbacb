import baseConfig from '../eslint.config.mjs';

// The tools (operator CLI, benchmarks, evaluations, infrastructure scripts) follow the same rules as the projects.
// jest/ and build/ are projects of their own (every app and lib uses them), linted there.
export default [...baseConfig, { ignores: ['jest/**', 'build/**'] }];
