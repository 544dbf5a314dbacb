import type { Request } from 'express';
import { NEWSML_G2_MEDIA_TYPE, NINJS_MEDIA_TYPE } from '@newswire/wire-out';
import type { ArticleFormat } from './query-params';

const MEDIA_TYPES: Record<ArticleFormat, string> = { json: 'application/json', ninjs: NINJS_MEDIA_TYPE, 'newsml-g2': NEWSML_G2_MEDIA_TYPE };
const BY_MEDIA_TYPE = new Map(Object.entries(MEDIA_TYPES).map(([format, type]) => [type, format as ArticleFormat]));

/**
 * Which representation of a story to send: `?format=` when given, else the
 * best match of the Accept header (Express's own negotiation, q-values
 * included; JSON first, so none, `*` and `application/*` get JSON). An Accept
 * the API cannot serve still gets JSON, as it always has: clients that send
 * `text/html` or a stale type keep working.
 */
export function chooseFormat(explicit: ArticleFormat | undefined, req: Request): ArticleFormat {
  if (explicit) return explicit;
  const best = req.accepts([MEDIA_TYPES.json, MEDIA_TYPES.ninjs, MEDIA_TYPES['newsml-g2']]);
  return (typeof best === 'string' && BY_MEDIA_TYPE.get(best)) || 'json';
}

export const contentTypeOf = (format: ArticleFormat) => `${MEDIA_TYPES[format]}; charset=utf-8`;
export { MEDIA_TYPES };
