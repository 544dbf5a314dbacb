#!/usr/bin/env node
// The default local stack without Docker: an Apache Kafka 4 broker (KRaft,
// single node) resolved from Maven Central and run on this machine's Java,
// and FerretDB v1.24.2 (SQLite backend) built with Go. Downloads and builds
// are cached outside the repository; data and logs go to a state folder.
//
//   node tools/infra/local-stack.mjs start|stop|status|env|fetch [--secure]
//
// --secure (or LOCAL_KAFKA_SECURE=1) runs Kafka with a SASL_SSL listener only
// (SCRAM-SHA-512 over TLS, certificates made on first use); `env` then prints
// what a client needs. Without it, Kafka listens in plain text.
//
// Settings (environment): NEWSWIRE_CACHE_DIR, NEWSWIRE_STATE_DIR, NEWSWIRE_LOG_DIR,
// LOCAL_KAFKA_PORT, LOCAL_KAFKA_CONTROLLER_PORT, LOCAL_KAFKA_ADVERTISED_PORT,
// LOCAL_FERRETDB_PORT, LOCAL_KAFKA_HEAP, LOCAL_KAFKA_SECURE.
//
// Also a library: the fault suite (tools/faults) starts private single
// brokers and a 3-node KRaft cluster (startCluster) with these functions.
import { execFileSync, spawn } from 'node:child_process';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');

const KAFKA_VERSION = '4.1.1';
const FERRETDB_VERSION = 'v1.24.2';
// Bumped whenever FERRETDB_PATCHES or the files in tools/infra/ferretdb change, so a cached build without them is rebuilt.
export const FERRETDB_BUILD = `${FERRETDB_VERSION}-newswire.4`;
const FERRETDB_ADDED_FILES = [
  { from: 'newswire_backend.go', to: 'internal/backends/sqlite/newswire_backend.go' },
  { from: 'newswire_handler.go', to: 'internal/handler/newswire_handler.go' },
  { from: 'newswire_write_lock.go', to: 'internal/handler/newswire_write_lock.go' },
];

// The block both Query and Explain of the SQLite backend use to push `_id` equality down (stock: only
// when `_id` is the whole filter).
const STOCK_ID_PUSHDOWN = (extra) => `\t// that logic should exist in one place
\t// TODO https://github.com/FerretDB/FerretDB/issues/3235
\tif params.Filter.Len() == 1 {
\t\tv, _ := params.Filter.Get("_id")
\t\tswitch v.(type) {
\t\tcase string, types.ObjectID:
${extra}\t\t\twhereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
\t\t}
\t}
`;

/** Sets IDOrder (and the LIMIT with it) for hinted `_id`-only queries sorted by `_id`; see newswire_handler.go. */
const handlerIdOrder = (hint) => `\tif order := newswireIDOrder(${hint}, params.Filter, params.Sort, params.Skip); order != 0 && !h.DisablePushdown {
\t\tqp.IDOrder = order
\t\tqp.Limit = params.Limit
\t}

`;

/**
 * FerretDB 1.24's SQLite backend creates the unique `_id` index on
 * `_ferretdb_sjson->"_id"` but queries `_ferretdb_sjson->'$._id'`, which
 * SQLite does not match to the index, so every `_id` lookup scans the table
 * (seen with EXPLAIN QUERY PLAN; upstream FerretDB#4646 and #3235 for the
 * same class of problem). It also pushes `_id` down only when it is the
 * filter's sole key, and nothing else at all: no `$in`, no range, no order,
 * and no LIMIT once there is a filter. Fixed here, at build time (the added
 * Go files are in tools/infra/ferretdb):
 * 1. the `_id` expression matches the index;
 * 2. `_id` equality and `_id: {$in: [...]}` (strings, ObjectIDs) are pushed
 *    down whatever else the filter holds;
 * 3. a find hinted `{_id: 1}` that filters on `_id` alone with string bounds
 *    and sorts by `_id` is answered from the index: bounds, order and LIMIT
 *    (the project's index collections, whose `_id`s are plain ASCII keys:
 *    SQLite orders the JSON text of `_id`, which is the string order only
 *    for strings JSON does not escape). Explain reports it as
 *    filterPushdown/sortPushdown/limitPushdown;
 * 4. update, findAndModify and delete lock their collection from their read
 *    to their write, so concurrent single-document writes are atomic as on
 *    MongoDB (stock 1.24 loses concurrent `$inc`s and lets several
 *    conditional updates of one document win; see newswire_write_lock.go);
 * 5. an update command closes each statement's read when the statement is
 *    done: stock 1.24 keeps them all open to the end of the command, so a
 *    command of 100 or more statements waits forever for one of the SQLite
 *    pool's 100 connections (which also held the collection's lock of 4).
 * The handler re-applies the whole filter, sort and limit to what the
 * backend returns, so narrowing is safe.
 */
const FERRETDB_PATCHES = [
  {
    file: 'internal/backends/sqlite/metadata/metadata.go',
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: `IDColumn = DefaultColumn + "->'_id'"`,
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    from: `${STOCK_ID_PUSHDOWN('')}\n\tq += whereClause\n\tq += prepareOrderByClause(params.Sort)\n`,
    to: '\twhereClause, args = newswireIDWhere(params.Filter, params.IDOrder)\n\n\tq += whereClause\n\tq += newswireOrderBy(params.Sort, params.IDOrder)\n',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    from: `${STOCK_ID_PUSHDOWN('\t\t\tfilterPushdown = true\n')}\n\torderByClause := prepareOrderByClause(params.Sort)\n`,
    to: '\twhereClause, args = newswireIDWhere(params.Filter, params.IDOrder)\n\tfilterPushdown = whereClause != ""\n\n\torderByClause := newswireOrderBy(params.Sort, params.IDOrder)\n',
  },
  {
    file: 'internal/backends/collection.go',
    from: '\tOnlyRecordIDs bool\n\tComment       string\n}',
    to: '\tOnlyRecordIDs bool\n\tComment       string\n\n\t// IDOrder (newswire build): 1 or -1 answers `_id` bounds from the `_id` index in that order.\n\tIDOrder int\n}',
  },
  {
    file: 'internal/backends/collection.go',
    from: 'type ExplainParams struct {\n\tFilter *types.Document\n\tSort   *types.Document\n\tLimit  int64\n}',
    to: 'type ExplainParams struct {\n\tFilter *types.Document\n\tSort   *types.Document\n\tLimit  int64\n\n\t// IDOrder (newswire build): see QueryParams.\n\tIDOrder int\n}',
  },
  {
    file: 'internal/handler/common/find.go',
    from: 'Hint             any             `ferretdb:"hint,ignored"`',
    to: 'Hint             any             `ferretdb:"hint,opt"`',
  },
  {
    file: 'internal/handler/msg_find.go',
    from: '\th.L.DebugContext(ctx, fmt.Sprintf("Converted %+v for %+v to %+v.", params, cInfo, qp))',
    to: `${handlerIdOrder('params.Hint')}\th.L.DebugContext(ctx, fmt.Sprintf("Converted %+v for %+v to %+v.", params, cInfo, qp))`,
  },
  // Read-modify-write commands lock their collection (newswire_write_lock.go): 4.
  {
    file: 'internal/handler/msg_update.go',
    from: '\tvar matched, modified int32\n\tvar upserted types.Array\n',
    to: '\tdefer newswireLockCollection(params.DB, params.Collection)()\n\n\tvar matched, modified int32\n\tvar upserted types.Array\n',
  },
  // Each statement's read is closed when the statement is done (stock: when the command ends), so a command
  // of 100 or more statements no longer waits forever for one of SQLite's 100 pooled connections: 5.
  {
    file: 'internal/handler/msg_update.go',
    from: '\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)\n\t\tif err != nil {\n',
    to: '\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)\n\t\tcloser.Close()\n\n\t\tif err != nil {\n',
  },
  {
    file: 'internal/handler/msg_findandmodify.go',
    from: 'func (h *Handler) findAndModifyDocument(ctx context.Context, params *common.FindAndModifyParams) (*findAndModifyResult, error) {\n',
    to: 'func (h *Handler) findAndModifyDocument(ctx context.Context, params *common.FindAndModifyParams) (*findAndModifyResult, error) {\n\tdefer newswireLockCollection(params.DB, params.Collection)()\n\n',
  },
  {
    file: 'internal/handler/msg_delete.go',
    from: '\tvar deleted int32\n\twriteErrors := types.MakeArray(0)\n',
    to: '\tdefer newswireLockCollection(params.DB, params.Collection)()\n\n\tvar deleted int32\n\twriteErrors := types.MakeArray(0)\n',
  },
  {
    file: 'internal/handler/msg_explain.go',
    from: '\tres, err := coll.Explain(connCtx, qp)',
    to: `\thint, _ := params.Command.Get("hint")\n${handlerIdOrder('hint')}\tres, err := coll.Explain(connCtx, qp)`,
  },
];

function applyPatches(src) {
  for (const patch of FERRETDB_PATCHES) {
    const file = join(src, patch.file);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(patch.from)) throw new Error(`FerretDB patch no longer applies to ${patch.file}`);
    writeFileSync(file, text.replace(patch.from, patch.to));
  }
  for (const added of FERRETDB_ADDED_FILES) cpSync(join(here, 'ferretdb', added.from), join(src, added.to));
}

export function stackSettings(env = process.env) {
  const cache = env.NEWSWIRE_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'newswire');
  const state = env.NEWSWIRE_STATE_DIR || join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'newswire');
  const kafkaPort = Number(env.LOCAL_KAFKA_PORT || 9092);
  const controllerPort = Number(env.LOCAL_KAFKA_CONTROLLER_PORT || kafkaPort + 1);
  const ferretPort = Number(env.LOCAL_FERRETDB_PORT || 27017);
  const secure = ['1', 'true', 'yes'].includes(String(env.LOCAL_KAFKA_SECURE ?? '').toLowerCase());
  // The secure broker keeps its own data: its SCRAM users are written into the metadata log when it is formatted.
  const secureDir = join(state, 'kafka-secure');
  return {
    cache,
    state,
    kafkaPort,
    controllerPort,
    // Clients connect where the broker advertises; another port puts a proxy in the path.
    advertisedPort: Number(env.LOCAL_KAFKA_ADVERTISED_PORT || kafkaPort),
    ferretPort,
    kafkaHeap: env.LOCAL_KAFKA_HEAP || '768m',
    kafkaLibs: join(cache, `kafka-${KAFKA_VERSION}`, 'libs'),
    ferretBin: join(cache, `ferretdb-${FERRETDB_BUILD}`, 'ferretdb'),
    secure,
    kafkaDir: secure ? secureDir : join(state, 'kafka'),
    tlsDir: join(secureDir, 'tls'),
    secretsDir: join(secureDir, 'secrets'),
    ferretDir: join(state, 'ferretdb'),
    logs: env.NEWSWIRE_LOG_DIR || join(state, 'logs'),
    brokers: `127.0.0.1:${kafkaPort}`,
    mongoUri: `mongodb://127.0.0.1:${ferretPort}/`,
  };
}

const log = (msg) => process.stderr.write(`[local-stack] ${msg}\n`);

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...opts });
}

function fetchKafka(s) {
  const marker = join(s.kafkaLibs, '.complete');
  if (existsSync(marker)) return;
  log(`resolving Kafka ${KAFKA_VERSION} from Maven Central into ${s.kafkaLibs}`);
  mkdirSync(s.kafkaLibs, { recursive: true });
  run('mvn', [
    '-q', '-B', '-f', join(repo, 'deploy/local/kafka/pom.xml'),
    'dependency:copy-dependencies', `-DoutputDirectory=${s.kafkaLibs}`, '-DincludeScope=runtime',
  ]);
  writeFileSync(marker, new Date().toISOString());
}

function fetchFerretDb(s) {
  if (existsSync(s.ferretBin)) return;
  log(`building FerretDB ${FERRETDB_BUILD} with Go into ${dirname(s.ferretBin)}`);
  const info = JSON.parse(run('go', ['mod', 'download', '-json', `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`]));
  const src = join(dirname(s.ferretBin), 'src');
  rmSync(src, { recursive: true, force: true });
  cpSync(info.Dir, src, { recursive: true });
  run('chmod', ['-R', 'u+w', src]);
  // `go install` builds a binary that panics at start: the version file is generated by FerretDB's own tooling.
  writeFileSync(join(src, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);
  applyPatches(src);
  run('go', ['build', '-trimpath', '-o', s.ferretBin, './cmd/ferretdb'], { cwd: src });
  rmSync(src, { recursive: true, force: true });
}

function pidFile(s, name) {
  return join(s.state, `${name}.pid`);
}

function alivePid(s, name) {
  const file = pidFile(s, name);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

function startDetached(s, name, cmd, args) {
  mkdirSync(s.logs, { recursive: true });
  const out = openSync(join(s.logs, `${name}.out`), 'a');
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  closeSync(out);
  writeFileSync(pidFile(s, name), String(child.pid));
}

function plaintextListeners(node) {
  return [
    `listeners=PLAINTEXT://127.0.0.1:${node.port},CONTROLLER://127.0.0.1:${node.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${node.advertisedPort ?? node.port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
  ];
}

/**
 * Clients and the broker's own inter-broker connections use SASL_SSL with
 * SCRAM-SHA-512. The KRaft controller listener stays PLAINTEXT: it binds to
 * 127.0.0.1 only and carries the single node's traffic with itself.
 */
function secureListeners(s, node, secrets) {
  return [
    `listeners=SASL_SSL://127.0.0.1:${node.port},CONTROLLER://127.0.0.1:${node.controllerPort}`,
    `advertised.listeners=SASL_SSL://127.0.0.1:${node.advertisedPort ?? node.port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=SASL_SSL',
    'sasl.enabled.mechanisms=SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
    `listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${BROKER_USER}" password="${secrets.brokerPassword}";`,
    // PEM stores: the key and chain in one file, the CA in another; the key is unencrypted and the file private.
    'ssl.keystore.type=PEM',
    `ssl.keystore.location=${join(s.tlsDir, 'broker-keystore.pem')}`,
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${join(s.tlsDir, 'ca.pem')}`,
  ];
}

/** The single node of the local stack (node 1 of a quorum of one). */
function singleNode(s) {
  return {
    nodeId: 1,
    port: s.kafkaPort,
    controllerPort: s.controllerPort,
    advertisedPort: s.advertisedPort,
    voters: `1@127.0.0.1:${s.controllerPort}`,
    dataDir: join(s.kafkaDir, 'data'),
  };
}

/**
 * One combined broker+controller node. `voters` lists every controller of
 * the cluster (`id@host:port`); `replicas` is the cluster size, which sets
 * the internal topics' replication and the durability defaults.
 */
function kafkaProperties(s, node, secrets) {
  const replicas = node.replicas ?? 1;
  const minIsr = Math.min(2, replicas);
  return [
    'process.roles=broker,controller',
    `node.id=${node.nodeId}`,
    `controller.quorum.voters=${node.voters}`,
    ...(s.secure ? secureListeners(s, node, secrets) : plaintextListeners(node)),
    `log.dirs=${node.dataDir}`,
    'num.partitions=3',
    `default.replication.factor=${replicas}`,
    // With acks=all a write needs this many replicas: one node may fail without refusing writes.
    `min.insync.replicas=${minIsr}`,
    `offsets.topic.replication.factor=${replicas}`,
    'offsets.topic.num.partitions=10',
    `transaction.state.log.replication.factor=${replicas}`,
    `transaction.state.log.min.isr=${minIsr}`,
    `share.coordinator.state.topic.replication.factor=${replicas}`,
    `share.coordinator.state.topic.min.isr=${minIsr}`,
    // One-node dev and test broker: join groups at once instead of waiting 3 s for companions.
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    'log.retention.hours=168',
  ].join('\n');
}

// The broker's own user (inter-broker connections) and the one every client uses.
const BROKER_USER = 'newswire-broker';
const CLIENT_USER = 'newswire';
const SCRAM_ITERATIONS = 8192;

function secureMarker(s) {
  return join(s.state, 'kafka.secure');
}

/** Whether the Kafka running from this state folder was started with --secure. */
function runsSecure(s) {
  return existsSync(secureMarker(s));
}

function readPassword(s, name) {
  return readFileSync(join(s.secretsDir, `${name}.password`), 'utf8').trim();
}

/**
 * Random passwords, made once with the data they protect and kept beside it,
 * readable by this user only. Hex, so they need no quoting in the JAAS line.
 */
function ensureSecrets(s) {
  const formatted = existsSync(join(s.kafkaDir, 'data', 'meta.properties'));
  mkdirSync(s.secretsDir, { recursive: true, mode: 0o700 });
  for (const name of ['broker', 'client']) {
    const file = join(s.secretsDir, `${name}.password`);
    if (existsSync(file)) continue;
    if (formatted) throw new Error(`${file} is missing but ${s.kafkaDir} was formatted with it; delete ${s.kafkaDir} to start over`);
    writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  }
  return { brokerPassword: readPassword(s, 'broker'), clientPassword: readPassword(s, 'client') };
}

/**
 * A SCRAM credential for `kafka-storage format --add-scram`, given salted
 * (SCRAM's Hi() is PBKDF2 with the hash's own length) so that no password
 * appears on a command line.
 */
function scramCredential(user, password) {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, SCRAM_ITERATIONS, 64, 'sha512');
  return `SCRAM-SHA-512=[name=${user},iterations=${SCRAM_ITERATIONS},salt="${salt.toString('base64')}",saltedpassword="${salted.toString('base64')}"]`;
}

/**
 * A private CA and a broker certificate for 127.0.0.1 and localhost, made
 * with openssl on first use. The CA key is deleted once it has signed: nothing
 * else should ever be trusted by clients of this CA.
 */
function ensureTls(s) {
  const keystore = join(s.tlsDir, 'broker-keystore.pem');
  const ca = join(s.tlsDir, 'ca.pem');
  if (existsSync(keystore) && existsSync(ca)) return;
  log(`making a CA and a broker certificate in ${s.tlsDir}`);
  mkdirSync(s.tlsDir, { recursive: true });
  const work = join(s.tlsDir, 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { mode: 0o700 });
  writeFileSync(join(work, 'ca.cnf'), [
    '[req]', 'distinguished_name = dn', 'prompt = no',
    '[dn]', 'CN = newswire local CA',
    '[v3_ca]', 'basicConstraints = critical, CA:TRUE', 'keyUsage = critical, keyCertSign, cRLSign', 'subjectKeyIdentifier = hash',
  ].join('\n'));
  writeFileSync(join(work, 'broker.cnf'), [
    '[req]', 'distinguished_name = dn', 'prompt = no',
    '[dn]', 'CN = localhost',
    '[v3_broker]', 'basicConstraints = critical, CA:FALSE', 'keyUsage = critical, digitalSignature, keyEncipherment',
    'extendedKeyUsage = serverAuth, clientAuth', 'subjectAltName = IP:127.0.0.1, DNS:localhost',
  ].join('\n'));
  const openssl = (...args) => {
    try {
      execFileSync('openssl', args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      throw new Error(`openssl ${args[0]} failed (is openssl installed?): ${err.stderr?.toString() || err.message}`);
    }
  };
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-config', 'ca.cnf', '-extensions', 'v3_ca');
  openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'broker.key', '-out', 'broker.csr', '-config', 'broker.cnf');
  openssl('x509', '-req', '-in', 'broker.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', `0x${randomBytes(8).toString('hex')}`,
    '-days', '825', '-extfile', 'broker.cnf', '-extensions', 'v3_broker', '-out', 'broker.pem');
  // Kafka's PEM key store: the PKCS#8 key, then the chain (broker certificate, CA).
  const pem = (name) => readFileSync(join(work, name), 'utf8').trim();
  writeFileSync(keystore, `${pem('broker.key')}\n${pem('broker.pem')}\n${pem('ca.pem')}\n`, { mode: 0o600 });
  writeFileSync(ca, `${pem('ca.pem')}\n`);
  rmSync(work, { recursive: true, force: true });
}

/** The variables a client of this stack's Kafka needs (the services read the same ones). */
export function kafkaClientEnv(s = stackSettings()) {
  if (!s.secure) return { KAFKA_BROKERS: s.brokers };
  return {
    KAFKA_BROKERS: s.brokers,
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: join(s.tlsDir, 'ca.pem'),
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: CLIENT_USER,
    KAFKA_SASL_PASSWORD_FILE: join(s.secretsDir, 'client.password'),
  };
}

/** The same, as kafkajs `ssl` and `sasl` options. */
function kafkajsSecurity(s) {
  if (!s.secure) return {};
  return {
    ssl: { ca: [readFileSync(join(s.tlsDir, 'ca.pem'), 'utf8')] },
    sasl: { mechanism: 'scram-sha-512', username: CLIENT_USER, password: readPassword(s, 'client') },
  };
}

/** Formats a node's data folder on first use only; `clusterId` is called only then. */
function formatOnce(cp, props, dataDir, clusterId, extra = []) {
  if (existsSync(join(dataDir, 'meta.properties'))) return;
  run('java', ['-cp', cp, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', props, ...extra]);
}

function newClusterId(cp) {
  return run('java', ['-cp', cp, 'kafka.tools.StorageTool', 'random-uuid']).trim().split('\n').pop();
}

function launchKafkaNode(s, { name, props, logs }) {
  startDetached(s, name, 'java', [
    `-Xmx${s.kafkaHeap}`, `-Xms${s.kafkaHeap}`, '-XX:+UseG1GC', '-Djava.awt.headless=true',
    `-Dkafka.logs.dir=${logs}`,
    `-Dlog4j2.configurationFile=${join(repo, 'deploy/local/kafka/log4j2.properties')}`,
    '-cp', `${s.kafkaLibs}/*`, 'kafka.Kafka', props,
  ]);
}

function launchKafka(s) {
  if (alivePid(s, 'kafka')) {
    if (runsSecure(s) !== s.secure) {
      throw new Error(`Kafka from ${s.state} already runs ${runsSecure(s) ? 'with --secure' : 'in plain text'}; stop it first (local-stack.mjs stop)`);
    }
    return;
  }
  rmSync(secureMarker(s), { force: true });
  fetchKafka(s);
  const secrets = s.secure ? ensureSecrets(s) : undefined;
  if (s.secure) ensureTls(s);
  const props = join(s.kafkaDir, 'server.properties');
  mkdirSync(s.kafkaDir, { recursive: true });
  // The secure broker's properties hold its own SCRAM password: readable by this user only.
  writeFileSync(props, kafkaProperties(s, singleNode(s), secrets));
  if (s.secure) chmodSync(props, 0o600);
  const cp = `${s.kafkaLibs}/*`;
  const scram = s.secure
    ? ['--add-scram', scramCredential(BROKER_USER, secrets.brokerPassword), '--add-scram', scramCredential(CLIENT_USER, secrets.clientPassword)]
    : [];
  formatOnce(cp, props, join(s.kafkaDir, 'data'), () => newClusterId(cp), scram);
  log(`starting Kafka on ${s.brokers}${s.secure ? ' (SASL_SSL, SCRAM-SHA-512)' : ''}`);
  launchKafkaNode(s, { name: 'kafka', props, logs: s.logs });
  if (s.secure) writeFileSync(secureMarker(s), new Date().toISOString());
}

function launchFerretDb(s) {
  if (alivePid(s, 'ferretdb')) return;
  fetchFerretDb(s);
  mkdirSync(s.ferretDir, { recursive: true });
  log(`starting FerretDB on ${s.mongoUri}`);
  startDetached(s, 'ferretdb', s.ferretBin, [
    // synchronous(normal): in WAL mode a commit is written but not fsynced; a crash of FerretDB or of the
    // services loses nothing, a power cut may lose the last moments (never corrupts): MongoDB's own default
    // (w:1, journal flushed every 100 ms). FerretDB leaves SQLite's FULL, an fsync per write, which on this
    // kind of disk made each write 5-20 ms under load and the pipeline wait on I/O.
    '--handler=sqlite', `--sqlite-url=file:${s.ferretDir}/?_pragma=synchronous(normal)`, `--listen-addr=127.0.0.1:${s.ferretPort}`,
    '--telemetry=disable', '--log-level=warn', '--debug-addr=-',
  ]);
}

async function until(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      await probe();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${what} did not answer within ${timeoutMs} ms: ${lastError?.message ?? lastError}`);
}

/** `brokers` is one `host:port` or a comma-separated list; `expectBrokers` waits for a whole cluster. */
export async function kafkaAnswers(brokers, security = {}, expectBrokers = 1) {
  const { Kafka, logLevel } = require('kafkajs');
  const admin = new Kafka({ brokers: brokers.split(','), ...security, logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 1000 }).admin();
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length < expectBrokers) throw new Error(`${cluster.brokers.length} of ${expectBrokers} brokers in metadata`);
    // The group coordinator is ready only once the offsets topic can be created and led.
    await admin.fetchTopicMetadata({ topics: [] });
  } finally {
    await admin.disconnect();
  }
}

export async function mongoAnswers(uri) {
  const { MongoClient } = require('mongodb');
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}

export async function startStack(s = stackSettings()) {
  mkdirSync(s.state, { recursive: true });
  launchFerretDb(s);
  launchKafka(s);
  await until(`FerretDB at ${s.mongoUri}`, () => mongoAnswers(s.mongoUri), 60_000);
  await until(`Kafka at ${s.brokers}`, () => kafkaAnswers(s.brokers, kafkajsSecurity(s)), 120_000);
  log(`ready: KAFKA_BROKERS=${s.brokers} MONGODB_URI=${s.mongoUri}`);
  return { ...kafkaClientEnv(s), MONGODB_URI: s.mongoUri };
}

/** Kafka alone (tests that need their own broker, e.g. a secure one on private ports); stopStack stops it. */
export async function startKafka(s = stackSettings()) {
  mkdirSync(s.state, { recursive: true });
  launchKafka(s);
  await until(`Kafka at ${s.brokers}`, () => kafkaAnswers(s.brokers, kafkajsSecurity(s)), 120_000);
  log(`ready: KAFKA_BROKERS=${s.brokers}${s.secure ? ' (secure)' : ''}`);
  return kafkaClientEnv(s);
}

/** Starts FerretDB alone (again, on the same state folder after an outage) and waits until it answers. */
export async function startFerretDb(s = stackSettings()) {
  mkdirSync(s.state, { recursive: true });
  launchFerretDb(s);
  await until(`FerretDB at ${s.mongoUri}`, () => mongoAnswers(s.mongoUri), 60_000);
}

/** The pid of a server this state folder started ('kafka', 'ferretdb', 'kafka-2'), if it is alive. */
export function pidOf(s, name) {
  return alivePid(s, name);
}

/** SIGTERM, then SIGKILL after 30 s: stops one server of this state folder. */
export async function stopServer(s, name) {
  const pid = alivePid(s, name);
  if (!pid) return;
  log(`stopping ${name} (pid ${pid})`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && alivePid(s, name)) await new Promise((r) => setTimeout(r, 200));
  if (alivePid(s, name)) process.kill(pid, 'SIGKILL');
  rmSync(pidFile(s, name), { force: true });
}

export async function stopStack(s = stackSettings()) {
  for (const name of ['kafka', 'ferretdb']) await stopServer(s, name);
  rmSync(secureMarker(s), { force: true });
}

/**
 * A plain-text KRaft cluster of `nodes` combined broker+controller nodes on
 * loopback, formatted with one cluster id and a static quorum of all of them.
 * Node i (1-based) listens on basePort + 2(i-1) and its controller on the
 * next port; state, pid files and logs go under `stateDir`. Like startStack
 * it starts only nodes that are not running, so calling it again restarts a
 * killed node on its data. Topics default to replication factor `nodes` with
 * min.insync.replicas 2.
 */
export async function startCluster({ nodes = 3, basePort, stateDir, heap = '512m', cacheDir }) {
  const env = { ...process.env, NEWSWIRE_STATE_DIR: stateDir, LOCAL_KAFKA_SECURE: '', ...(cacheDir ? { NEWSWIRE_CACHE_DIR: cacheDir } : {}) };
  const s = { ...stackSettings(env), kafkaHeap: heap };
  mkdirSync(stateDir, { recursive: true });
  fetchKafka(s);
  const cp = `${s.kafkaLibs}/*`;
  const members = Array.from({ length: nodes }, (_, i) => ({
    id: i + 1,
    name: `kafka-${i + 1}`,
    port: basePort + 2 * i,
    controllerPort: basePort + 2 * i + 1,
    dir: join(stateDir, `kafka-${i + 1}`),
  }));
  const voters = members.map((m) => `${m.id}@127.0.0.1:${m.controllerPort}`).join(',');
  const idFile = join(stateDir, 'cluster.id');
  if (!existsSync(idFile)) writeFileSync(idFile, newClusterId(cp));
  const clusterId = readFileSync(idFile, 'utf8').trim();
  for (const m of members) {
    if (alivePid(s, m.name)) continue;
    const props = join(m.dir, 'server.properties');
    const dataDir = join(m.dir, 'data');
    mkdirSync(m.dir, { recursive: true });
    writeFileSync(props, kafkaProperties(s, { nodeId: m.id, port: m.port, controllerPort: m.controllerPort, voters, dataDir, replicas: nodes }));
    formatOnce(cp, props, dataDir, () => clusterId);
    log(`starting Kafka node ${m.id} on 127.0.0.1:${m.port}`);
    launchKafkaNode(s, { name: m.name, props, logs: join(s.logs, m.name) });
  }
  const brokers = members.map((m) => `127.0.0.1:${m.port}`).join(',');
  await until(`Kafka cluster at ${brokers}`, () => kafkaAnswers(brokers, {}, nodes), 180_000);
  log(`cluster ready: KAFKA_BROKERS=${brokers}`);
  return { brokers, settings: s, nodes: members.map(({ id, name, port }) => ({ id, name, port })) };
}

export async function stopCluster({ nodes = 3, stateDir }) {
  const s = stackSettings({ ...process.env, NEWSWIRE_STATE_DIR: stateDir });
  await Promise.all(Array.from({ length: nodes }, (_, i) => stopServer(s, `kafka-${i + 1}`)));
}

export async function stackStatus(s = stackSettings()) {
  const check = async (fn) => fn().then(() => 'answering', (e) => `not answering (${e.message})`);
  return {
    kafka: { pid: alivePid(s, 'kafka'), brokers: s.brokers, secure: s.secure, state: await check(() => kafkaAnswers(s.brokers, kafkajsSecurity(s))) },
    ferretdb: { pid: alivePid(s, 'ferretdb'), uri: s.mongoUri, state: await check(() => mongoAnswers(s.mongoUri)) },
    logs: s.logs,
  };
}

/** --secure on the command line, LOCAL_KAFKA_SECURE, or a secure Kafka already running from this state folder. */
function commandSettings(command, args) {
  const asked = stackSettings(args.includes('--secure') ? { ...process.env, LOCAL_KAFKA_SECURE: '1' } : process.env);
  if (asked.secure || command === 'start' || !runsSecure(asked)) return asked;
  return stackSettings({ ...process.env, LOCAL_KAFKA_SECURE: '1' });
}

const envLines = (env) => Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join('');

async function main(command, args) {
  const s = commandSettings(command, args);
  switch (command) {
    case 'fetch':
      fetchKafka(s);
      fetchFerretDb(s);
      return;
    case 'start': {
      process.stdout.write(envLines(await startStack(s)));
      return;
    }
    case 'stop':
      return stopStack(s);
    case 'status': {
      const status = await stackStatus(s);
      process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      if (status.kafka.state !== 'answering' || status.ferretdb.state !== 'answering') process.exitCode = 1;
      return;
    }
    case 'env':
      process.stdout.write(envLines({ ...kafkaClientEnv(s), MONGODB_URI: s.mongoUri }));
      return;
    default:
      process.stderr.write('usage: local-stack.mjs start|stop|status|env|fetch [--secure]\n');
      process.exitCode = 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2], process.argv.slice(3)).catch((err) => {
    process.stderr.write(`[local-stack] ${err.message}\n`);
    process.exit(1);
  });
}
