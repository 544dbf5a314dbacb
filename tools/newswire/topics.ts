import { readFileSync } from 'node:fs';
import { type Admin, ConfigResourceTypes, ConfigSource } from 'kafkajs';
import { topicBounds, waitForLeaders } from '@newswire/kafka';
import type { CliContext } from './context';
import { table } from './render';
import { parseTopicFile, planTopics, type TopicChange, topicSpecs, type TopicState } from './topic-file';

export interface ApplyResult {
  file: string;
  namespace: string;
  dryRun: boolean;
  changes: { topic: string; action: TopicChange['action']; partitions: number; configs: Record<string, string>; changed?: string[]; reason?: string }[];
}

/** `topics apply <file>`: creates what is missing, grows partitions and sets configs of what exists. */
export async function topicsApply(ctx: CliContext, file: string, opts: { dryRun?: boolean }): Promise<ApplyResult> {
  const specs = topicSpecs(parseTopicFile(readFileSync(file, 'utf8')), ctx.namespace);
  const admin = ctx.kafka().admin();
  await admin.connect();
  try {
    const current = await topicStates(admin, specs.map((s) => s.topic));
    const plan = planTopics(specs, current);
    if (!opts.dryRun) await applyPlan(admin, plan);
    return {
      file,
      namespace: ctx.namespace,
      dryRun: Boolean(opts.dryRun),
      changes: plan.map((c) => ({
        topic: c.topic,
        action: c.action,
        partitions: c.spec.partitions,
        configs: c.spec.configs,
        ...(c.action === 'update' ? { changed: c.changed } : {}),
        ...(c.action === 'refused' ? { reason: c.reason } : {}),
      })),
    };
  } finally {
    await admin.disconnect();
  }
}

async function applyPlan(admin: Admin, plan: TopicChange[]): Promise<void> {
  const creates = plan.flatMap((c) => (c.action === 'create' ? [c.spec] : []));
  if (creates.length) {
    // Not kafkajs's wait: it gives up on the UNKNOWN_TOPIC_OR_PARTITION of a broker that has not learnt a new topic yet.
    await admin.createTopics({
      waitForLeaders: false,
      topics: creates.map((s) => ({
        topic: s.topic,
        numPartitions: s.partitions,
        replicationFactor: s.replicationFactor,
        configEntries: Object.entries(s.configs).map(([name, value]) => ({ name, value })),
      })),
    });
    await waitForLeaders(admin, creates.map((s) => s.topic), 30_000);
  }
  const updates = plan.flatMap((c) => (c.action === 'update' ? [c] : []));
  const grow = updates.flatMap((u) => (u.addPartitions ? [{ topic: u.topic, count: u.addPartitions }] : []));
  if (grow.length) await admin.createPartitions({ topicPartitions: grow });
  const reconfigure = updates.flatMap((u) => (u.configs ? [{ topic: u.topic, configs: u.configs }] : []));
  if (reconfigure.length) {
    await admin.alterConfigs({
      validateOnly: false,
      resources: reconfigure.map((r) => ({
        type: ConfigResourceTypes.TOPIC,
        name: r.topic,
        configEntries: Object.entries(r.configs).map(([name, value]) => ({ name, value })),
      })),
    });
  }
}

/** Partitions and topic-level configs of those topics that exist. */
async function topicStates(admin: Admin, topics: string[]): Promise<Map<string, TopicState>> {
  const existing = new Set(await admin.listTopics());
  const present = topics.filter((t) => existing.has(t));
  const states = new Map<string, TopicState>();
  if (!present.length) return states;
  const { topics: meta } = await admin.fetchTopicMetadata({ topics: present });
  const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: present.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })) });
  for (const t of meta) {
    const r = resources.find((x) => x.resourceName === t.name);
    const own = (r?.configEntries ?? []).filter((e) => e.configSource === ConfigSource.TOPIC_CONFIG && !e.isSensitive && !e.readOnly);
    states.set(t.name, { partitions: t.partitions.length, configs: Object.fromEntries(own.map((e) => [e.configName, e.configValue])) });
  }
  return states;
}

export function renderApply(result: ApplyResult): string {
  const rows = result.changes.map((c) => [
    c.topic,
    c.action + (c.changed ? ` (${c.changed.join(', ')})` : '') + (c.reason ? `: ${c.reason}` : ''),
    c.partitions,
    c.configs['retention.ms'],
    c.configs['max.message.bytes'],
  ]);
  const counts = ['create', 'update', 'unchanged', 'refused'].map((a) => `${result.changes.filter((c) => c.action === a).length} ${a}${result.dryRun ? ' (planned)' : ''}`);
  return `${table(['topic', 'action', 'partitions', 'retention.ms', 'max.message.bytes'], rows)}\n${counts.join(', ')}`;
}

export interface TopicStatus {
  topic: string;
  partitions: number;
  /** Records retained (high minus low watermark, summed). */
  messages: number;
  groups: { groupId: string; lag: number; partitions: { partition: number; committed: number | null; high: number; lag: number }[] }[];
}

/**
 * `topics status`: every topic of the namespace (without one: every
 * non-internal topic), its partitions and retained records, and the lag of
 * each consumer group that has committed offsets on it.
 */
export async function topicsStatus(ctx: CliContext, opts: { group?: string[]; topic?: string[] }): Promise<TopicStatus[]> {
  const admin = ctx.kafka().admin();
  await admin.connect();
  try {
    const prefix = ctx.namespace ? `${ctx.namespace}.` : '';
    const all = (await admin.listTopics()).filter((t) => !t.startsWith('__') && t.startsWith(prefix)).sort();
    const topics = opts.topic?.length ? all.filter((t) => opts.topic?.some((w) => t === w || t === `${prefix}${w}`)) : all;
    const bounds = new Map(await Promise.all(topics.map(async (t) => [t, await topicBounds(admin, t)] as const)));
    // A namespace prefixes the services' default group ids too, so its groups are found by name.
    const groupIds = opts.group?.length
      ? opts.group
      : (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => !ctx.namespace || g.startsWith(ctx.namespace));
    const status = new Map(topics.map((t) => [t, { topic: t, partitions: bounds.get(t)?.length ?? 0, messages: sum(bounds.get(t)?.map((b) => b.high - b.low)), groups: [] } as TopicStatus]));
    for (const groupId of groupIds.sort()) {
      const offsets = await admin.fetchOffsets({ groupId, topics });
      for (const { topic, partitions } of offsets) {
        if (partitions.every((p) => Number(p.offset) < 0)) continue;
        const b = bounds.get(topic) ?? [];
        const rows = partitions
          .map((p) => {
            const high = b.find((x) => x.partition === p.partition)?.high ?? 0;
            const low = b.find((x) => x.partition === p.partition)?.low ?? 0;
            const committed = Number(p.offset) >= 0 ? Number(p.offset) : null;
            return { partition: p.partition, committed, high, lag: Math.max(0, high - (committed ?? low)) };
          })
          .sort((x, y) => x.partition - y.partition);
        status.get(topic)?.groups.push({ groupId, lag: sum(rows.map((r) => r.lag)), partitions: rows });
      }
    }
    return [...status.values()];
  } finally {
    await admin.disconnect();
  }
}

const sum = (values: number[] | undefined) => (values ?? []).reduce((a, b) => a + b, 0);

export function renderStatus(status: TopicStatus[]): string {
  const rows = status.flatMap((s) =>
    s.groups.length
      ? s.groups.map((g, i) => [i === 0 ? s.topic : '', i === 0 ? s.partitions : '', i === 0 ? s.messages : '', g.groupId, g.lag])
      : [[s.topic, s.partitions, s.messages, '(no group)', '']],
  );
  return status.length ? table(['topic', 'partitions', 'messages', 'consumer group', 'lag'], rows) : 'no topics';
}
