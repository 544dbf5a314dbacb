#!/usr/bin/env node
// `npm run observability:check`: the Prometheus configurations, the alert rules and their unit tests, and the
// Grafana dashboard, checked with promtool (resolved by ./prometheus.mjs). Every panel's, variable's and
// annotation's PromQL is parsed by promtool as a recording rule, so a dashboard query that does not parse fails here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROMETHEUS_CONFIG_DIR, prometheusVersion, resolvePrometheus } from './prometheus.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DASHBOARD_FILE = join(repo, 'deploy/observability/grafana/newswire-pipeline.json');

/**
 * What Grafana puts in place of the dashboard's variables, for checking and for querying Prometheus directly:
 * every service, no namespace label (a single deployment), and fixed windows for the interval macros.
 */
export const DEFAULT_VARIABLES = { namespace: '', service: '.*', __rate_interval: '1m', __interval: '15s', __range: '1h' };

export function substituteVariables(expr, values = DEFAULT_VARIABLES) {
  return expr.replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)/g, (whole, braced, bare) => {
    const name = braced ?? bare;
    if (!(name in values)) throw new Error(`no value for dashboard variable ${whole} in ${expr}`);
    return values[name];
  });
}

function panelsOf(list) {
  return list.flatMap((panel) => [panel, ...panelsOf(panel.panels ?? [])]);
}

/** `label_values(<selector>, <label>)` asks for the selector's series: that selector is the PromQL to check. */
function variableExpr(query) {
  const text = typeof query === 'string' ? query : query?.query;
  if (!text) return undefined;
  const labelValues = /^\s*label_values\((.*),\s*\w+\s*\)\s*$/s.exec(text);
  if (labelValues) return labelValues[1];
  const queryResult = /^\s*query_result\((.*)\)\s*$/s.exec(text);
  return queryResult ? queryResult[1] : text;
}

/** Every PromQL expression of the dashboard, with where it is: panel targets, query variables, annotations. */
export function dashboardQueries(dashboard) {
  const queries = [];
  for (const panel of panelsOf(dashboard.panels ?? [])) {
    for (const target of panel.targets ?? []) {
      if (target.expr !== undefined) queries.push({ where: `panel "${panel.title}" query ${target.refId}`, panel: panel.title, expr: target.expr, instant: target.instant === true });
    }
  }
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type !== 'query') continue;
    const expr = variableExpr(variable.query);
    if (expr) queries.push({ where: `variable $${variable.name}`, expr, instant: true });
  }
  for (const annotation of dashboard.annotations?.list ?? []) {
    if (annotation.expr) queries.push({ where: `annotation "${annotation.name}"`, expr: annotation.expr, instant: false });
  }
  return queries;
}

/** The shipped dashboard's queries with the variables substituted, ready to send to Prometheus. */
export function loadDashboardQueries(values = DEFAULT_VARIABLES) {
  const dashboard = JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8'));
  return dashboardQueries(dashboard).map((q) => ({ ...q, expr: substituteVariables(q.expr, values) }));
}

/** What Grafana needs to import the dashboard with the data source chosen at import. */
export function dashboardProblems(dashboard) {
  const problems = [];
  if (typeof dashboard.schemaVersion !== 'number') problems.push('no schemaVersion');
  if (!dashboard.uid || !dashboard.title) problems.push('no uid or title');
  const datasourceVariable = dashboard.templating?.list?.find((v) => v.name === 'datasource');
  if (datasourceVariable?.type !== 'datasource' || datasourceVariable.query !== 'prometheus') problems.push('no ${datasource} variable of type prometheus');
  const ids = new Set();
  for (const panel of panelsOf(dashboard.panels ?? [])) {
    if (ids.has(panel.id)) problems.push(`panel id ${panel.id} used twice`);
    ids.add(panel.id);
    if (!panel.gridPos) problems.push(`panel "${panel.title}" has no gridPos`);
    if (panel.type === 'row') continue;
    if (!panel.targets?.length) problems.push(`panel "${panel.title}" has no query`);
    for (const holder of [panel, ...(panel.targets ?? [])]) {
      if (holder.datasource?.uid !== '${datasource}') problems.push(`panel "${panel.title}" does not use the \${datasource} variable`);
    }
  }
  return problems;
}

function run(title, bin, args) {
  const res = spawnSync(bin, args, { cwd: PROMETHEUS_CONFIG_DIR, encoding: 'utf8' });
  const output = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim();
  process.stdout.write(`== ${title}\n${output}\n`);
  return { ok: res.status === 0, output };
}

function checkDashboard(promtool) {
  const dashboard = JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8'));
  const problems = dashboardProblems(dashboard);
  const queries = dashboardQueries(dashboard);
  const dir = mkdtempSync(join(tmpdir(), 'newswire-dashboard-'));
  try {
    const rules = { groups: [{ name: 'dashboard', rules: queries.map((q, i) => ({ record: `dashboard_query_${i}`, expr: substituteVariables(q.expr) })) }] };
    const file = join(dir, 'dashboard-queries.yml');
    writeFileSync(file, JSON.stringify(rules, null, 2));
    const res = spawnSync(promtool, ['check', 'rules', file], { encoding: 'utf8' });
    if (res.status !== 0) {
      const output = `${res.stdout}${res.stderr}`;
      const failing = [...new Set([...output.matchAll(/dashboard_query_(\d+)/g)].map((m) => Number(m[1])))];
      for (const i of failing) problems.push(`${queries[i].where}: ${queries[i].expr}`);
      problems.push(output.trim());
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`== dashboard ${DASHBOARD_FILE}\n`);
  process.stdout.write(problems.length ? `  FAILED:\n${problems.map((p) => `  ${p}`).join('\n')}\n` : `  SUCCESS: JSON parses, ${queries.length} PromQL expressions parse\n`);
  return problems.length === 0;
}

function main() {
  const { promtool, sources } = resolvePrometheus();
  process.stdout.write(`promtool: ${promtool} (${sources.promtool}; ${prometheusVersion(promtool).replace(/^promtool, /, '')})\n`);
  const results = [
    run('promtool check config prometheus.yml', promtool, ['check', 'config', 'prometheus.yml']).ok,
    run('promtool check config prometheus.compose.yml', promtool, ['check', 'config', 'prometheus.compose.yml']).ok,
    run('promtool check rules alerts.yml source-cadence.example.yml', promtool, ['check', 'rules', 'alerts.yml', 'source-cadence.example.yml']).ok,
    run('promtool test rules alerts.test.yml', promtool, ['test', 'rules', 'alerts.test.yml']).ok,
    checkDashboard(promtool),
  ];
  const failed = results.filter((ok) => !ok).length;
  process.stdout.write(failed ? `observability check: ${failed} of ${results.length} failed\n` : `observability check: all ${results.length} passed\n`);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
