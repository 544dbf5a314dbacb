#!/usr/bin/env node
// `npm run deploy:verify`: the compose deployment, proven on this machine with podman.
//  1. builds the local base images (tools/deploy/build-base-images.mjs) and the six service
//     images from deploy/docker/Dockerfile (newswire/<service>:latest, as compose names them);
//  2. makes the compose secrets (deploy/docker/make-secrets.sh: .env, TLS, sources, API token);
//  3. brings up docker-compose.yml + deploy/docker/compose.ferretdb.yml with the docker-compose
//     client through podman's Docker-compatible socket, and waits until every service is healthy;
//  4. end to end: the reference sample, signed, posted to the containerised ingester is found
//     through the API with its entities; a re-post is recorded as a duplicate; a subscriber on
//     the compose network receives the enriched event;
//  5. tears everything down (--keep leaves it running).
// Last line: `deploy: images=N built, compose=up, e2e=passed` (or what failed, exit 1).
import { execFileSync, spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBaseImages } from './build-base-images.mjs';
import { ensurePodmanService, imageSizeMb, log, podman, podmanEnv, podmanLoud } from './podman.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const SERVICES = ['ingester', 'poller', 'enricher', 'deduplicator', 'storage', 'api'];
const PROJECT = process.env.NEWSWIRE_VERIFY_PROJECT || 'newswire-verify';
const SAMPLE = join(repo, 'libs/wire-formats/src/fixtures/daily-impact-european-2024-11-24.txt');
const HEADLINE = 'Washington sanctions Havana: Russia and Cuba are strategic allies';
const secrets = join(repo, 'deploy/docker/secrets');
const keep = process.argv.includes('--keep');

const imageOf = (service) => `docker.io/newswire/${service}:latest`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(what, fn, timeoutMs, everyMs = 1000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (${last.message})` : ''}`);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function readDotEnv() {
  const env = {};
  for (const line of readFileSync(join(repo, '.env'), 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2];
  }
  return env;
}

function buildServiceImages() {
  // The build stage (npm ci and all six bundles) is one cached layer: the first image builds it.
  for (const service of SERVICES) {
    log(`building ${imageOf(service)}`);
    podmanLoud(['build', '--pull=never', '--layers', '--format=docker', '-f', 'deploy/docker/Dockerfile', '--build-arg', `APP=${service}`, '-t', imageOf(service), '.'], { cwd: repo });
  }
}

function composeRunner(env) {
  const files = ['-f', join(repo, 'docker-compose.yml'), '-f', join(repo, 'deploy/docker/compose.ferretdb.yml')];
  return (args, { quiet = false } = {}) =>
    new Promise((resolveRun, reject) => {
      const child = spawn('docker-compose', ['-p', PROJECT, ...files, ...args], { cwd: repo, env, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolveRun() : reject(new Error(`docker-compose ${args.join(' ')} exited with ${code}`))));
    });
}

function projectContainers() {
  const out = podman(['ps', '-a', '--filter', `label=com.docker.compose.project=${PROJECT}`, '--format', '{{.ID}} {{.Names}}']);
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, name] = line.split(' ');
      return { id, name };
    });
}

function healthOf(id) {
  const [info] = JSON.parse(podman(['inspect', id]));
  const state = info.State;
  return { running: state.Running, status: (state.Health ?? state.Healthcheck)?.Status ?? 'none' };
}

/**
 * Podman runs health checks from systemd timers; without systemd (containers, CI) nothing runs
 * them, and compose's `condition: service_healthy` would wait forever. This runs each project
 * container's own HEALTHCHECK (`podman healthcheck run`) every few seconds until stopped.
 */
function startHealthDriver() {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      for (const { id } of projectContainers()) {
        if (stopped) break;
        try {
          execFileSync('podman', ['healthcheck', 'run', id], { env: podmanEnv(), stdio: 'ignore', timeout: 60_000 });
        } catch {
          // unhealthy, starting, or no health check defined: inspect tells which
        }
      }
      await sleep(3000);
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

function sign(key, delivery, body) {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', key).update(`${timestamp}.${delivery}.`, 'utf8').update(body).digest('hex');
  return {
    'X-Newswire-Source': 'compose',
    'X-Newswire-Delivery': delivery,
    'X-Newswire-Timestamp': String(timestamp),
    'X-Newswire-Signature': `v1=${signature}`,
  };
}

/** The subscriber container; resolves lines as they arrive. */
function startSubscriber(dotEnv) {
  const lines = [];
  const child = spawn(
    'podman',
    [
      'run', '--rm', '--name', `${PROJECT}-subscriber`, '--network', `${PROJECT}_default`,
      '-e', 'KAFKA_BROKERS=kafka:9092', '-e', 'KAFKA_SSL_CA_FILE=/run/newswire/tls/ca.pem',
      '-e', 'KAFKA_SASL_USERNAME=newswire', '-e', `KAFKA_SASL_PASSWORD=${dotEnv.KAFKA_CLIENT_PASSWORD}`,
      '-e', `SUBSCRIBER_GROUP=deploy-verify-${randomUUID()}`, '-e', 'NODE_PATH=/app/node_modules',
      '-v', `${join(secrets, 'ca.pem')}:/run/newswire/tls/ca.pem:ro`,
      '-v', `${join(here, 'e2e-subscriber.cjs')}:/e2e/subscriber.cjs:ro`,
      imageOf('enricher'), 'node', '/e2e/subscriber.cjs',
    ],
    { env: podmanEnv(), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.startsWith('{')) lines.push(JSON.parse(line));
      else log(line);
    }
  });
  return {
    find: (pred) => lines.find(pred),
    stop: () => {
      try {
        execFileSync('podman', ['rm', '-f', `${PROJECT}-subscriber`], { env: podmanEnv(), stdio: 'ignore' });
      } catch {
        // already gone
      }
      child.kill();
    },
  };
}

function expect(ok, what) {
  if (!ok) throw new Error(`e2e: ${what}`);
  log(`e2e ok: ${what}`);
}

async function endToEnd({ ingesterUrl, apiUrl, dotEnv }) {
  const key = Buffer.from(readFileSync(join(secrets, 'compose-push-key'), 'utf8').replace(/\r?\n$/, ''), 'utf8');
  const token = readFileSync(join(secrets, 'api-token'), 'utf8').trim();
  const body = readFileSync(SAMPLE);
  const post = async (delivery) => {
    const res = await fetch(`${ingesterUrl}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', ...sign(key, delivery, body) },
      body,
    });
    return { status: res.status, replay: res.headers.get('x-newswire-replay'), json: await res.json() };
  };
  const api = async (path) => {
    const res = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, json: res.ok ? await res.json() : undefined };
  };

  const subscriber = startSubscriber(dotEnv);
  try {
    const unsigned = await fetch(`${ingesterUrl}/v1/articles`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect(unsigned.status === 401, `an unsigned post is refused (401, got ${unsigned.status})`);

    const delivery = randomUUID();
    const first = await post(delivery);
    expect(first.status === 202 && first.json.id, `the signed sample is accepted (202, got ${first.status})`);
    const id = first.json.id;

    const stored = await until('the stored event', () => subscriber.find((m) => m.topic.endsWith('stored.v1') && m.articleId === id), 180_000);
    expect(stored.status === 'stored', `storage reports it stored (${stored.status})`);
    const enriched = subscriber.find((m) => m.topic.endsWith('enriched.v1') && m.articleId === id);
    expect(enriched?.people.includes('Vladimir Putin'), 'the subscriber received the enriched event naming Vladimir Putin');

    const doc = await until('the article through the API', async () => (await api(`/v1/articles/${encodeURIComponent(id)}`)).json, 60_000);
    expect(doc.headline === HEADLINE, `the store has it with its headline (${doc.headline})`);
    const people = (doc.people ?? []).map((p) => p.name);
    const places = (doc.places ?? []).map((p) => p.name);
    expect(people.includes('Vladimir Putin') && people.includes('Miguel Diaz-Canel'), `with its people (${people.join(', ')})`);
    expect(places.includes('Havana'), `with its places (${places.join(', ')})`);

    const replay = await post(delivery);
    expect(replay.status === 202 && replay.replay === 'true' && replay.json.id === id, 'the same delivery again is answered from the ledger, not ingested twice');

    const second = await post(randomUUID());
    expect(second.status === 202, `the sample as a new delivery is accepted (${second.status})`);
    const dup = await until('the second stored event', () => subscriber.find((m) => m.topic.endsWith('stored.v1') && m.articleId === second.json.id), 180_000);
    expect(dup.status === 'duplicate-recorded' && dup.duplicateOf === id, `the re-post is recorded as a duplicate of the first (${dup.status}, of ${dup.duplicateOf})`);
    const list = await api(`/v1/articles?person=${encodeURIComponent('Vladimir Putin')}`);
    const items = list.json?.items ?? list.json?.data ?? list.json?.articles ?? [];
    expect(list.status === 200 && items.filter((a) => a.headline === HEADLINE).length === 1, 'the archive holds the story once');
  } finally {
    subscriber.stop();
  }
}

async function main() {
  const started = Date.now();
  for (const tool of ['podman', 'docker-compose', 'openssl']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is required (apt-get install podman runc docker-compose openssl)`);
    }
  }
  buildBaseImages();
  buildServiceImages();
  const sizes = SERVICES.map((s) => `${s} ${imageSizeMb(imageOf(s))} MB`);
  log(`service images: ${sizes.join(', ')}`);

  execFileSync('sh', [join(repo, 'deploy/docker/make-secrets.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (!existsSync(join(secrets, 'sources.yaml'))) throw new Error('make-secrets.sh wrote no sources file');
  const dotEnv = readDotEnv();

  const service = await ensurePodmanService();
  const ports = { ingester: await freePort(), api: await freePort() };
  const env = {
    ...podmanEnv(),
    DOCKER_HOST: `unix://${service.socket}`,
    COMPOSE_HTTP_TIMEOUT: '600',
    NEWSWIRE_INGESTER_PORT: String(ports.ingester),
    NEWSWIRE_API_PORT: String(ports.api),
  };
  const compose = composeRunner(env);
  let composeUp = false;
  let stopHealth;
  try {
    await compose(['down', '-v', '--remove-orphans'], { quiet: true }).catch(() => undefined);
    stopHealth = startHealthDriver();
    log(`docker-compose up (project ${PROJECT}, ingester on ${ports.ingester}, api on ${ports.api})`);
    await compose(['up', '-d', '--no-build']);
    await until(
      'every service healthy',
      () => {
        const states = projectContainers().map((c) => ({ ...c, ...healthOf(c.id) }));
        const waiting = states.filter((s) => !s.running || s.status !== 'healthy');
        if (waiting.length) log(`waiting for ${waiting.map((s) => `${s.name}=${s.running ? s.status : 'stopped'}`).join(', ')}`);
        return states.length === SERVICES.length + 2 && waiting.length === 0;
      },
      600_000,
      5000,
    );
    composeUp = true;
    await stopHealth();
    stopHealth = undefined;
    log(`compose: all ${SERVICES.length + 2} containers healthy`);

    await endToEnd({ ingesterUrl: `http://127.0.0.1:${ports.ingester}`, apiUrl: `http://127.0.0.1:${ports.api}`, dotEnv });
    log(`verified in ${Math.round((Date.now() - started) / 1000)} s`);
    process.stdout.write(`deploy: images=${SERVICES.length} built, compose=up, e2e=passed\n`);
  } catch (err) {
    log(err.message);
    for (const { name } of projectContainers()) {
      log(`--- last log lines of ${name}`);
      try {
        process.stderr.write(podman(['logs', '--tail', '25', name], { stdio: ['ignore', 'pipe', 'pipe'] }));
      } catch {
        // gone
      }
    }
    process.stdout.write(`deploy: images=${SERVICES.length} built, compose=${composeUp ? 'up' : 'failed'}, e2e=failed\n`);
    process.exitCode = 1;
  } finally {
    if (stopHealth) await stopHealth();
    if (!keep) await compose(['down', '-v', '--remove-orphans'], { quiet: true }).catch((err) => log(`teardown: ${err.message}`));
    if (!keep) service.stop();
  }
}

main().catch((err) => {
  log(err.message);
  process.stdout.write('deploy: images=0 built, compose=failed, e2e=failed\n');
  process.exit(1);
});
