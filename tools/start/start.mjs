#!/usr/bin/env node
// `npm start`: the default local stack (Kafka + FerretDB, see
// tools/infra/local-stack.mjs, unless KAFKA_BROKERS and MONGODB_URI point
// elsewhere), the six services built and started, the reference sample
// ingested, and where to look printed. Ctrl-C stops the services; the stack
// keeps running until `npm run stack:stop`.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack, stackSettings } from '../infra/local-stack.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = process.env.PORT ?? '3000';
const API_PORT = process.env.API_PORT ?? '3100';
const SAMPLE = join(repo, 'libs/wire-formats/src/fixtures/daily-impact-european-2024-11-24.txt');
const { heapFlagsOf, mallocEnvOf } = createRequire(import.meta.url)('../../deploy/node-heap.js');
const say = (msg) => process.stdout.write(`${msg}\n`);
/** Every service process started, so no exit path leaves one behind. */
const running = [];

async function infrastructure() {
  if (process.env.KAFKA_BROKERS && process.env.MONGODB_URI) return { KAFKA_BROKERS: process.env.KAFKA_BROKERS, MONGODB_URI: process.env.MONGODB_URI };
  // With LOCAL_KAFKA_SECURE=1 the stack's Kafka is SASL_SSL and env carries what the services need to reach it.
  const env = await startStack();
  return { ...env, MONGODB_URI: `${env.MONGODB_URI.replace(/\/$/, '')}/newswire` };
}

function build() {
  say('building the services ...');
  const res = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=ingester,poller,enricher,deduplicator,storage,api', '--output-style=static'], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_NO_CLOUD: 'true' },
  });
  if (res.status !== 0) throw new Error('build failed');
}

function startService(name, env, logs, ready) {
  const out = createWriteStream(join(logs, `${name}.log`), { flags: 'a' });
  // The service's heap budget (deploy/node-heap.json) unless NODE_OPTIONS sizes the heap.
  const heap = (process.env.NODE_OPTIONS ?? '').includes('--max-old-space-size') ? [] : heapFlagsOf(name);
  // Its allocator settings too (deploy/node-heap.json), unless the environment sets them.
  const childEnv = { ...process.env, ...env };
  const child = spawn(process.execPath, [...heap, join(repo, 'dist/apps', name, 'main.js')], { env: { ...mallocEnvOf(name, childEnv), ...childEnv, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let seen = '';
  return new Promise((resolveReady, reject) => {
    const onData = (chunk) => {
      out.write(chunk);
      seen += chunk.toString();
      if (ready.test(seen)) resolveReady(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}; see ${join(logs, `${name}.log`)}\n${seen.slice(-2000)}`)));
  });
}

/** Asks the query API, as a user would, until the article is there. */
async function waitForStored(apiUrl, id) {
  // Generous: a consumer group may first wait out members of an earlier run that did not leave cleanly.
  for (let i = 0; i < 900; i++) {
    const res = await fetch(`${apiUrl}/v1/articles/${id}`);
    if (res.ok) return res.json();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`article ${id} was not stored within 90 s; see the logs in ${stackSettings().logs}`);
}

async function main() {
  const infra = await infrastructure();
  build();
  const logs = stackSettings().logs;
  mkdirSync(logs, { recursive: true });
  // The quick start runs in development mode (no credentials); every service says so loudly at start-up.
  const env = { ...infra, PORT, LOG_LEVEL: process.env.LOG_LEVEL ?? 'log', NEWSWIRE_DEV_MODE: process.env.NEWSWIRE_DEV_MODE ?? 'true' };
  await Promise.all([
    ...['enricher', 'deduplicator', 'storage'].map((name) => startService(name, env, logs, /consuming .* as group/)),
    startService('ingester', env, logs, /ready: POST/),
    startService('poller', { ...env, SOURCES_FILE: process.env.SOURCES_FILE ?? join(repo, 'deploy/local/sources.dev.yaml') }, logs, /watching \d+ drop folder/),
    startService('api', { ...env, PORT: API_PORT }, logs, /ready: GET/),
  ]);
  const stop = () => {
    say('\nstopping the services (the stack keeps running: npm run stack:stop) ...');
    for (const child of running) child.kill('SIGTERM');
    setTimeout(() => process.exit(0), 10_000).unref();
    Promise.all(running.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))))).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const url = `http://127.0.0.1:${PORT}`;
  const res = await fetch(`${url}/v1/articles`, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: readFileSync(SAMPLE) });
  const report = await res.json();
  if (res.status !== 202) throw new Error(`the ingester refused the reference sample: ${JSON.stringify(report)}`);
  const apiUrl = `http://127.0.0.1:${API_PORT}`;
  const doc = await waitForStored(apiUrl, report.id);
  const names = (list) => (list ?? []).map((e) => e.name).join(', ');
  say(`
The pipeline is running.

  ingester     POST ${url}/v1/articles   (text/plain, application/json, ninjs, NewsML-G2, NITF, RSS, Atom)
  poller       pulls the feeds and watches the drop folders of ${process.env.SOURCES_FILE ?? 'deploy/local/sources.dev.yaml (drop story files into tmp/drop/local)'}
  query API    GET  ${apiUrl}/v1/articles  (OpenAPI: ${apiUrl}/openapi.json)
  Kafka        ${infra.KAFKA_BROKERS}     topics news.article.{received,enriched,deduplicated,stored}.v1 (+ .dlq)
  MongoDB      ${infra.MONGODB_URI}   collections articles, article_duplicates, dedup_content_hashes
  logs         ${logs}

The reference sample was ingested and stored:
  id        ${report.id}
  headline  ${doc.headline}
  people    ${names(doc.people)}
  places    ${names(doc.places)}

Try:
  curl -X POST -H 'content-type: text/plain' --data-binary @${SAMPLE.replace(`${repo}/`, '')} ${url}/v1/articles
  curl '${apiUrl}/v1/articles?person=Vladimir%20Putin&limit=5'
  curl '${apiUrl}/v1/articles/${report.id}'

Ctrl-C stops the services.`);
}

main().catch((err) => {
  process.stderr.write(`npm start failed: ${err.message}\n`);
  // Never leave services behind: they would hold consumer-group slots and ports.
  for (const child of running) child.kill('SIGTERM');
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 10_000).unref();
});
