#!/usr/bin/env node
// `npm run deploy:helm-check`: helm lint and helm template of deploy/k8s/newswire under each
// values set below, every rendered object decoded strictly against the Kubernetes API Go types
// (tools/deploy/k8s-check). helm comes from the Go module proxy (go install) and k8s-check is
// built with Go; both are cached in ~/.cache/newswire/bin, rebuilt only when their inputs change.
// Last line: `helm-check: N renders, N objects, 0 problems` (exit 1 on any problem).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const chart = join(repo, 'deploy/k8s/newswire');
const cacheDir = process.env.NEWSWIRE_CACHE_DIR || join(homedir(), '.cache', 'newswire');
const HELM_VERSION = 'v3.22.0';
// The Kubernetes version the chart is rendered for (k8s.io/api v0.37 is Kubernetes 1.37's API;
// the chart asks for 1.27 or later and uses only GA APIs).
const KUBE_VERSION = '1.33.0';

// Each render covers a shape of the chart: production defaults, the dev trial with
// chart-made secrets, and plain Deployments without the operators.
const RENDERS = [
  { name: 'defaults', args: [] },
  { name: 'dev', args: ['-f', join(chart, 'values-dev.yaml')] },
  { name: 'no-operators', args: ['--set', 'keda.enabled=false,strimzi.enabled=false,kafka.topicNamespace=staging'] },
  // A drop-folder share mounted into the poller.
  {
    name: 'poller-drop-share',
    args: ['--set-json', 'poller.extraVolumes=[{"name":"drop","persistentVolumeClaim":{"claimName":"wire-drop"}}]', '--set-json', 'poller.extraVolumeMounts=[{"name":"drop","mountPath":"/var/lib/newswire/drop"}]'],
  },
];

function log(message) {
  process.stderr.write(`[helm-check] ${message}\n`);
}

function helmBinary() {
  const bin = join(cacheDir, 'bin', `helm-${HELM_VERSION}`, 'helm');
  if (!existsSync(bin)) {
    log(`go install helm.sh/helm/v3/cmd/helm@${HELM_VERSION} (once; cached in ${dirname(bin)})`);
    execFileSync('go', ['install', `helm.sh/helm/v3/cmd/helm@${HELM_VERSION}`], {
      env: { ...process.env, GOBIN: dirname(bin), GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  return bin;
}

function checkBinary() {
  const src = join(here, 'k8s-check');
  const hash = createHash('sha256');
  for (const file of readdirSync(src).sort()) hash.update(file).update(readFileSync(join(src, file)));
  const bin = join(cacheDir, 'bin', `k8s-check-${hash.digest('hex').slice(0, 12)}`);
  if (!existsSync(bin)) {
    log(`testing and building tools/deploy/k8s-check into ${bin}`);
    mkdirSync(dirname(bin), { recursive: true });
    execFileSync('go', ['test', '-count=1', '.'], { cwd: src, stdio: ['ignore', 'inherit', 'inherit'] });
    execFileSync('go', ['build', '-o', bin, '.'], { cwd: src, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return bin;
}

function main() {
  const helm = helmBinary();
  const check = checkBinary();
  let problems = 0;
  let objects = 0;

  const lint = spawnSync(helm, ['lint', '--strict', '--kube-version', KUBE_VERSION, chart, '-f', join(chart, 'values-dev.yaml')], { encoding: 'utf8' });
  process.stdout.write(lint.stdout);
  if (lint.status !== 0) {
    process.stderr.write(lint.stderr);
    problems++;
  }
  for (const render of RENDERS) {
    const out = spawnSync(helm, ['template', 'newswire', chart, '--namespace', 'newswire', '--kube-version', KUBE_VERSION, ...render.args], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (out.status !== 0) {
      process.stderr.write(out.stderr);
      log(`helm template (${render.name}) failed`);
      problems++;
      continue;
    }
    const checked = spawnSync(check, ['-label', render.name], { input: out.stdout, encoding: 'utf8' });
    process.stdout.write(checked.stdout);
    process.stderr.write(checked.stderr);
    const m = /: (\d+) objects/.exec(checked.stdout);
    objects += m ? Number(m[1]) : 0;
    if (checked.status !== 0) problems++;
  }
  process.stdout.write(`helm-check: ${RENDERS.length} renders, ${objects} objects, ${problems} problems\n`);
  process.exitCode = problems ? 1 : 0;
}

main();
