import { z } from 'zod';
import { TOPIC_SCHEMAS } from './messages';

export type JsonSchema = { [key: string]: unknown };

/**
 * The published JSON Schema of a topic's message: what a producer may put on
 * the wire (zod's input side, so defaulted fields are optional), draft-07
 * because AsyncAPI schemas are a draft-07 superset.
 */
export function topicJsonSchema(topic: keyof typeof TOPIC_SCHEMAS): JsonSchema {
  const schema = z.toJSONSchema(TOPIC_SCHEMAS[topic], { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete schema['$schema'];
  return schema;
}

export function contractTopics(): (keyof typeof TOPIC_SCHEMAS)[] {
  return Object.keys(TOPIC_SCHEMAS) as (keyof typeof TOPIC_SCHEMAS)[];
}
