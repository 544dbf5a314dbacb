import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { byteBudget, deadLetterTopicOf, physicalTopic } from '@newswire/contracts';

/** `7d`, `12h`, `30m`, `45s`, a number of milliseconds, or `forever` (-1: Kafka keeps everything). */
const Duration = z.union([
  z.number().int().min(-1),
  z
    .string()
    .regex(/^(forever|\d+(ms|s|m|h|d))$/, 'a duration such as 7d, 12h, 30m, 45s or forever')
    .transform((v) => {
      if (v === 'forever') return -1;
      const [, n, unit] = /^(\d+)(ms|s|m|h|d)$/.exec(v) as RegExpExecArray;
      return Number(n) * { ms: 1, s: 1e3, m: 60e3, h: 3600e3, d: 86400e3 }[unit as 'ms' | 's' | 'm' | 'h' | 'd'];
    }),
]);

const Settings = z.strictObject({
  partitions: z.number().int().positive().optional(),
  replicationFactor: z.number().int().positive().optional(),
  retention: Duration.optional(),
  maxMessageBytes: z.number().int().positive().optional(),
});

const TopicSettings = Settings.extend({
  /** The dead-letter twin (`<topic>.dlq`): `false` for none; by default one partition, the topic's retention, 64 KiB more per record. */
  deadLetter: z.union([z.literal(false), Settings]).optional(),
});

/**
 * The declarative topic file (YAML or JSON): the topics that should exist and
 * how. Names are logical (`news.article.received.v1`); the namespace
 * (`--namespace`, `KAFKA_TOPIC_NAMESPACE`) is put in front when applied.
 */
export const TopicFile = z.strictObject({
  defaults: TopicSettings.optional(),
  topics: z.record(z.string().regex(/^[a-zA-Z0-9._-]+$/, 'a Kafka topic name'), TopicSettings.nullable()),
});
export type TopicFile = z.infer<typeof TopicFile>;

/** One topic as it should be: the physical name, its partitions and the configs this file manages. */
export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

export function parseTopicFile(text: string): TopicFile {
  const data: unknown = parseYaml(text, { uniqueKeys: true });
  const result = TopicFile.safeParse(data);
  if (!result.success) throw new Error(`topic file: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return result.data;
}

/** Every topic the file asks for, dead-letter twins included, under the namespace. */
export function topicSpecs(file: TopicFile, namespace: string): TopicSpec[] {
  const specs: TopicSpec[] = [];
  for (const [name, own] of Object.entries(file.topics)) {
    const s = { ...file.defaults, ...(own ?? {}) };
    const partitions = s.partitions ?? 3;
    const replicationFactor = s.replicationFactor ?? 1;
    specs.push({ topic: physicalTopic(name, namespace), partitions, replicationFactor, configs: configsOf(s.retention, s.maxMessageBytes) });
    const dlqOwn = own?.deadLetter ?? file.defaults?.deadLetter;
    if (dlqOwn === false) continue;
    const d = dlqOwn ?? {};
    // Dead letters carry the failed record plus headers: the same headroom as the services give them.
    const dlqBytes = d.maxMessageBytes ?? (s.maxMessageBytes ? byteBudget(s.maxMessageBytes).deadLetterBytes : undefined);
    specs.push({
      topic: physicalTopic(deadLetterTopicOf(name), namespace),
      partitions: d.partitions ?? 1,
      replicationFactor: d.replicationFactor ?? replicationFactor,
      configs: configsOf(d.retention ?? s.retention, dlqBytes),
    });
  }
  return specs;
}

function configsOf(retentionMs: number | undefined, maxMessageBytes: number | undefined): Record<string, string> {
  return {
    ...(retentionMs !== undefined ? { 'retention.ms': String(retentionMs) } : {}),
    ...(maxMessageBytes !== undefined ? { 'max.message.bytes': String(maxMessageBytes) } : {}),
  };
}

/** A topic as the broker has it: partitions and the configs set on the topic itself. */
export interface TopicState {
  partitions: number;
  configs: Record<string, string>;
}

export type TopicChange =
  | { topic: string; action: 'create'; spec: TopicSpec }
  | { topic: string; action: 'update'; spec: TopicSpec; addPartitions?: number; configs?: Record<string, string>; changed: string[] }
  | { topic: string; action: 'unchanged'; spec: TopicSpec }
  | { topic: string; action: 'refused'; spec: TopicSpec; reason: string };

/**
 * What applying the specs changes. Partitions only grow (Kafka cannot remove
 * them, and fewer would move keys between partitions anyway). The configs
 * sent for an update are the topic's own configs merged with the file's,
 * because Kafka's AlterConfigs replaces the whole set: sending only the
 * changed ones would reset the rest to the broker's defaults.
 */
export function planTopics(specs: TopicSpec[], current: Map<string, TopicState>): TopicChange[] {
  return specs.map((spec): TopicChange => {
    const state = current.get(spec.topic);
    if (!state) return { topic: spec.topic, action: 'create', spec };
    if (spec.partitions < state.partitions) {
      return { topic: spec.topic, action: 'refused', spec, reason: `has ${state.partitions} partitions; Kafka cannot reduce them to ${spec.partitions}` };
    }
    const changed = Object.entries(spec.configs)
      .filter(([k, v]) => state.configs[k] !== v)
      .map(([k]) => k);
    const addPartitions = spec.partitions > state.partitions ? spec.partitions : undefined;
    if (!changed.length && !addPartitions) return { topic: spec.topic, action: 'unchanged', spec };
    if (addPartitions) changed.unshift('partitions');
    return {
      topic: spec.topic,
      action: 'update',
      spec,
      addPartitions,
      configs: changed.some((c) => c !== 'partitions') ? { ...state.configs, ...spec.configs } : undefined,
      changed,
    };
  });
}
