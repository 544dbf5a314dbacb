#!/usr/bin/env node
// Where the Prometheus binaries come from, in one place: PROMETHEUS_BIN / PROMTOOL_BIN, else PATH (Debian's
// `prometheus` package installs both), else a build of the pinned release with Go, cached in
// ~/.cache/newswire like the local stack's FerretDB.
//
//   node tools/infra/prometheus.mjs which          prints both paths (building them if it must)
//   node tools/infra/prometheus.mjs run [--port N] Prometheus with deploy/observability/prometheus/prometheus.yml,
//                                                  scraping the services on this machine (Ctrl-C stops it)
//
// Settings (environment): PROMETHEUS_BIN, PROMTOOL_BIN, NEWSWIRE_CACHE_DIR, NEWSWIRE_STATE_DIR, PROMETHEUS_PORT.
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stackSettings } from './local-stack.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PROMETHEUS_CONFIG_DIR = join(repo, 'deploy/observability/prometheus');

// Prometheus 3.16.0: the Go module's versions are v0.<major><minor>.<patch> (v0.316.0 is release 3.16.0).
const PROMETHEUS_MODULE = 'github.com/prometheus/prometheus';
const PROMETHEUS_MODULE_VERSION = 'v0.316.0';
// Only the file and HTTP service discoveries: a local Prometheus scrapes static targets, and leaving out the
// cloud discoveries (AWS, Azure, GCE, Kubernetes, ...) shortens the build a lot.
const BUILD_TAGS = 'remove_all_sd';

const log = (msg) => process.stderr.write(`[prometheus] ${msg}\n`);

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export function prometheusCacheDir(env = process.env) {
  return join(stackSettings(env).cache, `prometheus-${PROMETHEUS_MODULE_VERSION}`);
}

function buildWithGo(dir, env) {
  if (!onPath('go', env)) throw new Error('no prometheus/promtool on PATH and no Go to build them: install Debian\'s prometheus package, or set PROMETHEUS_BIN and PROMTOOL_BIN');
  log(`building Prometheus ${PROMETHEUS_MODULE_VERSION} (prometheus, promtool) with Go into ${dir}; this takes several minutes once`);
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  execFileSync(
    'go',
    ['install', '-trimpath', `-tags=${BUILD_TAGS}`, ...['prometheus', 'promtool'].map((cmd) => `${PROMETHEUS_MODULE}/cmd/${cmd}@${PROMETHEUS_MODULE_VERSION}`)],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...env, GOBIN: dir } },
  );
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * The prometheus and promtool executables: each from its variable, else PATH, else the Go build in the cache
 * (made on first use unless `build` is false; then a missing one is an error).
 */
export function resolvePrometheus({ env = process.env, build = true } = {}) {
  const cached = prometheusCacheDir(env);
  const find = (name, variable) => {
    const given = env[variable];
    if (given) {
      if (!executable(given)) throw new Error(`${variable}=${given} is not an executable file`);
      return { path: given, source: variable };
    }
    const found = onPath(name, env);
    if (found) return { path: found, source: 'PATH' };
    if (executable(join(cached, name))) return { path: join(cached, name), source: 'cache' };
    return undefined;
  };
  let prometheus = find('prometheus', 'PROMETHEUS_BIN');
  let promtool = find('promtool', 'PROMTOOL_BIN');
  if (!prometheus || !promtool) {
    if (!build) throw new Error(`prometheus or promtool not found (PROMETHEUS_BIN / PROMTOOL_BIN, PATH, ${cached})`);
    buildWithGo(cached, env);
    prometheus ??= { path: join(cached, 'prometheus'), source: 'built' };
    promtool ??= { path: join(cached, 'promtool'), source: 'built' };
  }
  return { prometheus: prometheus.path, promtool: promtool.path, sources: { prometheus: prometheus.source, promtool: promtool.source } };
}

/** `prometheus --version`'s first line, e.g. `prometheus, version 2.42.0+ds (...)`. */
export function prometheusVersion(bin) {
  return execFileSync(bin, ['--version'], { encoding: 'utf8' }).split('\n')[0];
}

function runLocal(args, env) {
  const port = Number(args[args.indexOf('--port') + 1] || env.PROMETHEUS_PORT || 9090);
  const { prometheus } = resolvePrometheus({ env });
  const data = join(stackSettings(env).state, 'prometheus');
  mkdirSync(data, { recursive: true });
  const config = join(PROMETHEUS_CONFIG_DIR, 'prometheus.yml');
  log(`${prometheusVersion(prometheus)}; config ${config}; data ${data}; http://127.0.0.1:${port}`);
  const child = spawn(prometheus, [`--config.file=${config}`, `--storage.tsdb.path=${data}`, `--web.listen-address=127.0.0.1:${port}`], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.once('exit', (code) => process.exit(code ?? 0));
}

async function main(command, args) {
  switch (command) {
    case 'which': {
      const found = resolvePrometheus();
      process.stdout.write(`prometheus=${found.prometheus} (${found.sources.prometheus})\npromtool=${found.promtool} (${found.sources.promtool})\n`);
      return;
    }
    case 'run':
      return runLocal(args, process.env);
    default:
      process.stderr.write('usage: prometheus.mjs which|run [--port N]\n');
      process.exitCode = 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2], process.argv.slice(3)).catch((err) => {
    process.stderr.write(`[prometheus] ${err.message}\n`);
    process.exit(1);
  });
}
