import {
  contractTopics,
  deadLetterTopicOf,
  HEADERS,
  type JsonSchema,
  TOPICS,
  topicJsonSchema,
} from '@newswire/contracts';

/** Who publishes each topic, and what it means: the part of the contract the schemas cannot say. */
const TOPIC_DOCS: Record<string, { title: string; producer: string; description: string; key?: string }> = {
  [TOPICS.articleReceived]: { title: 'Article received', producer: 'ingester', description: 'A canonical article as parsed from any wire format.' },
  [TOPICS.articleEnriched]: {
    title: 'Article enriched',
    producer: 'enricher',
    description: 'The article with language, entities (people, organisations, places), subjects, keywords and summary. The topic downstream subscribers follow.',
  },
  [TOPICS.articleDeduplicated]: {
    title: 'Article deduplicated',
    producer: 'deduplicator',
    description: 'The enriched article with its dedup verdict: original, duplicate (exact or near), new-version or stale-version of a known story.',
  },
  [TOPICS.articleStored]: {
    title: 'Article stored',
    producer: 'storage',
    description: 'What the archive did with each message: stored, duplicate-recorded, unchanged (redelivery, or a replay that changed nothing), stale-recorded (older version kept in history only), killed, or re-enriched (a replay gave the story a new enrichment version).',
  },
  [TOPICS.storyKilled]: { title: 'Story killed', producer: 'deduplicator', description: 'The source canceled a story: subscribers must withdraw it.' },
  [TOPICS.storyCorrected]: {
    title: 'Story corrected',
    producer: 'deduplicator',
    description: 'A story superseded by a correction or update: subscribers replace what they hold.',
  },
  [TOPICS.sourceHealth]: {
    title: 'Source health changed',
    producer: 'poller (feed-health monitor)',
    description:
      "A source's feed health changed: silent past its expected cadence, far off its own hourly baseline, agency sequence numbers missing, repeated parse failures, or ok again. Published on transitions only.",
    key: 'The registered source id: every change of one source is on one partition, in order.',
  },
  [TOPICS.storyReleased]: {
    title: 'Story released',
    producer: 'storage',
    description: 'A story held under embargo became public (its time passed, or a newer version lifted the embargo); its stored event follows on news.article.stored.v1. Deduplicate on releaseId.',
  },
  [TOPICS.articleNinjs]: {
    title: 'Story as ninjs',
    producer: 'storage (NINJS_TOPIC=true)',
    description:
      "Each story's new current version (stored or killed) in IPTC ninjs 2.1, as GET /v1/articles/:id?format=ninjs answers it; sent with the stored event, so never for a story still under embargo (its release sends it). A killed story's item has pubstatus canceled and no body.",
  },
};

const KEY = {
  type: 'string',
  description:
    'storyKeyOf(article): the authenticated source id (source.id; else the lower-cased provider, else publisher) and the source uri ' +
    'joined by "|", or the uri alone. ' +
    'Every version of one story has the same key, hence one partition, hence order.',
};

const HEADER_DOCS: Record<string, string> = {
  [HEADERS.schema]: 'Logical topic (contract) the value conforms to',
  [HEADERS.contentType]: 'application/json',
  [HEADERS.dlqReason]: 'Why the message was dead-lettered (validation issues or the last error)',
  [HEADERS.dlqErrorType]: 'Error class name',
  [HEADERS.dlqRetriable]: '"true" when the failure was transient and retries ran out',
  [HEADERS.dlqAttempts]: 'Attempts made',
  [HEADERS.dlqSourceTopic]: 'Physical topic the message was read from',
  [HEADERS.dlqSourcePartition]: 'Its partition',
  [HEADERS.dlqSourceOffset]: 'Its offset',
  [HEADERS.dlqFailedAt]: 'ISO 8601 instant of the failure',
  [HEADERS.dlqStage]: 'The stage that gave up',
  [HEADERS.replay]: 'Set on a stored story re-run through a stage (`enrichment`); carried to every output. Storage then records a new enrichment version, never a story, version or duplicate',
  [HEADERS.replayId]: 'The replay run that sent it (carried to every output and dead letter)',
  [HEADERS.replayArticleId]: 'The stored article id being replayed',
  [HEADERS.redrivenFrom]: 'Set on a dead letter sent back to its topic: `<dead-letter topic>[<partition>]@<offset>`',
};

const header = (name: string) => ({ type: 'string', description: HEADER_DOCS[name] });
const contractHeaders = {
  type: 'object',
  required: [HEADERS.schema, HEADERS.contentType],
  properties: Object.fromEntries([HEADERS.schema, HEADERS.contentType, HEADERS.replay, HEADERS.replayId, HEADERS.replayArticleId, HEADERS.redrivenFrom].map((h) => [h, header(h)])),
};
const dlqHeaders = {
  type: 'object',
  required: Object.values(HEADERS).filter((h) => h.startsWith('x-dlq-')),
  properties: Object.fromEntries(Object.values(HEADERS).map((h) => [h, header(h)])),
};

const idOf = (topic: string) => topic.replace(/^news\./, '').replace(/\.v\d+(\.dlq)?$/, (m) => m.replace(/\./g, '-')).replace(/\./g, '-');
const pascal = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());

/** The AsyncAPI 3 document of every topic, built from the contracts lib (never edited by hand). */
export function buildAsyncApi(): { document: Record<string, unknown>; schemas: Record<string, JsonSchema> } {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, JsonSchema> = {};

  for (const topic of contractTopics()) {
    const doc = TOPIC_DOCS[topic];
    const id = idOf(topic);
    const name = pascal(id);
    schemas[topic] = topicJsonSchema(topic);
    messages[name] = {
      name,
      title: doc.title,
      contentType: 'application/json',
      headers: contractHeaders,
      payload: schemas[topic],
      bindings: { kafka: { key: doc.key ? { type: 'string', description: doc.key } : KEY, bindingVersion: '0.5.0' } },
    };
    channels[id] = {
      address: topic,
      title: doc.title,
      description: `${doc.description} Published by ${doc.producer}.`,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    operations[`publish${name}`] = {
      action: 'send',
      title: `${doc.producer} publishes ${topic}`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${name}` }],
    };

    const dlq = deadLetterTopicOf(topic);
    const dlqId = `${id}-dlq`;
    const dlqName = `${name}DeadLetter`;
    messages[dlqName] = {
      name: dlqName,
      title: `${doc.title} (dead letter)`,
      description: `The original ${topic} record, key and value byte for byte (it may not parse), with the original headers plus the x-dlq-* headers.`,
      headers: dlqHeaders,
      payload: { description: `Original value; usually (but not necessarily) a ${topic} message.` },
      bindings: { kafka: { key: { type: 'string', description: 'The original key, unchanged' }, bindingVersion: '0.5.0' } },
    };
    channels[dlqId] = {
      address: dlq,
      title: `${doc.title}: dead letters`,
      description: `Messages of ${topic} a consuming stage could not process (invalid, or failing after retries).`,
      messages: { [dlqName]: { $ref: `#/components/messages/${dlqName}` } },
    };
    operations[`deadLetter${name}`] = {
      action: 'send',
      title: `a consuming stage dead-letters ${topic}`,
      channel: { $ref: `#/channels/${dlqId}` },
      messages: [{ $ref: `#/channels/${dlqId}/messages/${dlqName}` }],
    };
  }

  const document = {
    asyncapi: '3.1.0',
    info: {
      title: 'newswire pipeline topics',
      version: '1.0.0',
      description:
        'Every Kafka topic of the news-wire platform, generated from libs/contracts by tools/contracts/asyncapi.ts. ' +
        'Topic names are `<domain>.<entity>.<event>.v<N>`; an incompatible change gets a new topic version. ' +
        'A deployment may prefix every name with a namespace (`<namespace>.<topic>`). ' +
        'Message keys are the story key so all versions of one story stay ordered on one partition.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The local development broker' },
    },
    channels,
    operations,
    components: { messages },
  };
  return { document, schemas };
}

/** Stable text for files under version control. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
