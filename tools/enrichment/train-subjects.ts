/**
 * Rebuilds the subject classifier from its training file.
 *
 *   npx ts-node --transpile-only -P tsconfig.tools.json tools/enrichment/train-subjects.ts [version]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainSubjectModel, type TrainingSet } from '@newswire/enrichment';

const dataDir = join(__dirname, '../../libs/enrichment/src/data');
const set = JSON.parse(readFileSync(join(dataDir, 'subjects.training.json'), 'utf8')) as TrainingSet;
const model = trainSubjectModel(set, process.argv[2] ?? '0.1.0');
writeFileSync(join(dataDir, 'subjects.model.json'), JSON.stringify(model) + '\n');
console.log(`${model.topics.length} topics, ${Object.keys(model.logProb).length} terms -> subjects.model.json (version ${model.version})`);
