import type { IHeaders } from 'kafkajs';
import { CARRIED_HEADERS } from '@newswire/contracts';
import type { OutboundMessage } from './outbound';

/**
 * An output inherits the carried headers of the input that produced it (a
 * replay stays a replay through every stage); what the stage set itself wins.
 */
export function carryHeaders(message: OutboundMessage, input: IHeaders | undefined): OutboundMessage {
  if (!input) return message;
  const carried: Record<string, string> = {};
  for (const name of CARRIED_HEADERS) {
    const value = input[name];
    if (value === undefined) continue;
    carried[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  if (Object.keys(carried).length === 0) return message;
  return { ...message, headers: { ...carried, ...(message.headers ?? {}) } };
}
