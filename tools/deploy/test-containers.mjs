#!/usr/bin/env node
// `npm run deploy:test-containers -- <jest path or pattern>...`: integration tests on the
// testcontainers path of the harness, through podman, with the locally built images
// (apache/kafka stand-in as a generic container, FerretDB as the store). It builds those images
// if missing, starts podman's Docker-compatible API, runs Jest with DOCKER_HOST pointing at it
// and without KAFKA_BROKERS / MONGODB_URI (so libs/testing chooses containers), then stops it.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_IMAGES, buildBaseImages } from './build-base-images.mjs';
import { ensurePodmanService, podmanEnv } from './podman.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const patterns = process.argv.slice(2);
if (patterns.length === 0) {
  process.stderr.write('usage: npm run deploy:test-containers -- <jest path or pattern>...\n');
  process.exit(2);
}

buildBaseImages({ only: ['kafka', 'ferretdb'] });
const service = await ensurePodmanService();
const env = { ...podmanEnv() };
delete env.KAFKA_BROKERS;
delete env.MONGODB_URI;
Object.assign(env, {
  DOCKER_HOST: `unix://${service.socket}`,
  // Ryuk (the reaper container) is an image of its own that cannot be pulled here; the harness stops its containers.
  TESTCONTAINERS_RYUK_DISABLED: 'true',
  TEST_KAFKA_IMAGE: process.env.TEST_KAFKA_IMAGE || BASE_IMAGES.kafka,
  TEST_MONGO_IMAGE: process.env.TEST_MONGO_IMAGE || BASE_IMAGES.ferretdb,
});
const result = spawnSync('npx', ['jest', '-c', 'jest.config.ts', ...patterns], { cwd: repo, env, stdio: 'inherit' });
service.stop();
process.exit(result.status ?? 1);
