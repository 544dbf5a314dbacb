import baseConfig from '../../eslint.config.mjs';

// Shared build and test configuration: its own project so that every app and lib may use it without depending on the tools.
export default [...baseConfig];
