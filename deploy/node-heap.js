// The node flags of a service's heap budget (deploy/node-heap.json): `node deploy/node-heap.js <app>` prints them,
// require() gives heapFlagsOf. Plain CommonJS so the images, npm start and the test harnesses all read one file.
// `node deploy/node-heap.js --malloc-env <app>` prints the allocator settings (NAME=value ...) the environment lacks.
const budgets = require('./node-heap.json');

/** `--max-old-space-size=N --max-semi-space-size=M` for a known service, [] for anything else. */
function heapFlagsOf(app) {
  const oldSpace = budgets.oldSpaceMb[app];
  return oldSpace ? [`--max-old-space-size=${oldSpace}`, `--max-semi-space-size=${budgets.semiSpaceMb}`] : [];
}

/**
 * glibc allocator settings for a known service ({} for anything else), less any the given environment already sets:
 * read once when the process starts, so they belong in the environment it is started with.
 */
function mallocEnvOf(app, env = process.env) {
  if (!budgets.oldSpaceMb[app]) return {};
  return Object.fromEntries(Object.entries(budgets.mallocEnv).filter(([name]) => env[name] === undefined));
}

if (require.main === module) {
  const [first, second] = process.argv.slice(2);
  const out = first === '--malloc-env' ? Object.entries(mallocEnvOf(second)).map(([name, value]) => `${name}=${value}`) : heapFlagsOf(first);
  process.stdout.write(out.join(' '));
}
module.exports = { heapFlagsOf, mallocEnvOf };
