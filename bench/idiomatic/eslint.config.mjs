import baseConfig from '../../eslint.config.mjs';

// The idiomatic baseline follows the workspace's lint rules; it imports no workspace library on purpose.
export default [...baseConfig];
