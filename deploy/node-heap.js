// The node flags of a service's heap budget (deploy/node-heap.json): `node deploy/node-heap.js <app>` prints them,
// require() gives heapFlagsOf. Plain CommonJS so the images, npm start and the test harnesses all read one file.
const budgets = require('./node-heap.json');

/** `--max-old-space-size=N --max-semi-space-size=M` for a known service, [] for anything else. */
function heapFlagsOf(app) {
  const oldSpace = budgets.oldSpaceMb[app];
  return oldSpace ? [`--max-old-space-size=${oldSpace}`, `--max-semi-space-size=${budgets.semiSpaceMb}`] : [];
}

if (require.main === module) process.stdout.write(heapFlagsOf(process.argv[2]).join(' '));
module.exports = { heapFlagsOf };
