import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ArticleSubmissionV1,
  type CanonicalArticle,
  describeIssues,
  type SourceFormat,
  TOPICS,
  validate,
} from '@newswire/contracts';
import { BatchingProducer } from '@newswire/kafka';
import { type ArticleDraft, newArticleId, ParseRejection, parsePlainText, toCanonical } from '@newswire/wire-formats';
import { ApiError } from './http-errors';

export const ACCEPTED_TYPES = ['text/plain', 'application/json'] as const;

export interface Accepted {
  id: string;
  uri: string;
  topic: string;
}

/** Turns a request body into canonical articles and publishes them to the raw topic. */
@Injectable()
export class IntakeService {
  constructor(@Inject(BatchingProducer) private readonly producer: BatchingProducer) {}

  async ingest(body: Buffer, contentTypeHeader: string | undefined): Promise<Accepted> {
    const { mediaType, charset } = parseContentType(contentTypeHeader);
    if (!mediaType) {
      throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'missing_content_type', 'a Content-Type header is required', {
        accepted: ACCEPTED_TYPES,
      });
    }
    if (!(ACCEPTED_TYPES as readonly string[]).includes(mediaType)) {
      throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', `content type ${mediaType} is not accepted`, {
        accepted: ACCEPTED_TYPES,
      });
    }
    if (body.length === 0 || body.toString('utf8').trim() === '') {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'empty_body', 'the request body is empty');
    }
    if (charset && !['utf-8', 'utf8', 'us-ascii'].includes(charset)) {
      throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_charset', `charset ${charset} is not accepted; send UTF-8`);
    }
    const text = body.toString('utf8');
    const format: SourceFormat = mediaType === 'text/plain' ? 'plaintext' : 'json';
    const draft = mediaType === 'text/plain' ? parseText(text) : parseJson(text);
    const id = newArticleId();
    let article: CanonicalArticle;
    try {
      article = toCanonical(draft, { id, format, contentType: mediaType, receivedAt: new Date(), raw: text });
    } catch (err) {
      throw rejection(err);
    }
    await this.producer.publish({ topic: TOPICS.articleReceived, key: article.uri, value: article });
    return { id: article.id, uri: article.uri, topic: TOPICS.articleReceived };
  }
}

function parseText(text: string): ArticleDraft {
  try {
    return parsePlainText(text);
  } catch (err) {
    throw rejection(err);
  }
}

function parseJson(text: string): ArticleDraft {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'invalid_json', `the body is not valid JSON: ${(err as Error).message}`);
  }
  const result = validate(ArticleSubmissionV1, json);
  if (!result.ok) {
    throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'invalid_article', describeIssues(result.issues), { issues: result.issues });
  }
  return result.value;
}

function rejection(err: unknown): unknown {
  if (err instanceof ParseRejection) {
    return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, err.code.replace(/-/g, '_'), err.message);
  }
  return err;
}

function parseContentType(header: string | undefined): { mediaType?: string; charset?: string } {
  if (!header) return {};
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  return { mediaType: type || undefined, charset };
}
