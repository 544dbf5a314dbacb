/**
 * Parses every file of a corpus and checks the outcome. Usage:
 *   npm run conformance -- <folder>
 * Exit code 1 when a parser crashed or a file broke a check.
 */
import { runConformance } from './conformance-report';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: conformance.ts <folder>');
  process.exit(2);
}
const result = runConformance(folder);
process.exit(result.crashed > 0 || result.problems.length > 0 ? 1 : 0);
