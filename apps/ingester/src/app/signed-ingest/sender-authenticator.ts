import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { claimsASource, type RefusalCode, type RegisteredSource, type SourceRegistry, verifySignedRequest } from '@newswire/sources';
import { INGESTER_CONFIG, type IngesterConfig } from '../config';
import { ApiError } from '../http-errors';
import { SOURCE_REGISTRY } from './tokens';

export interface AuthenticatedSender {
  source: RegisteredSource;
  keyId: string;
  deliveryId: string;
}

const STATUS: Record<RefusalCode, HttpStatus> = {
  missing_signature: HttpStatus.UNAUTHORIZED,
  unknown_source: HttpStatus.UNAUTHORIZED,
  bad_signature: HttpStatus.UNAUTHORIZED,
  stale_timestamp: HttpStatus.UNAUTHORIZED,
  source_disabled: HttpStatus.FORBIDDEN,
  invalid_delivery_id: HttpStatus.BAD_REQUEST,
  invalid_timestamp: HttpStatus.BAD_REQUEST,
};

/** RFC 9110: a 401 names the scheme that would be accepted. */
const CHALLENGE = { 'WWW-Authenticate': 'Newswire-HMAC-SHA256 realm="ingest"' };

/** Decides who sent a delivery: a registered source whose key signed these exact bytes. */
@Injectable()
export class SenderAuthenticator {
  private readonly logger = new Logger('ingest-auth');

  constructor(
    @Inject(SOURCE_REGISTRY) private readonly registry: SourceRegistry | null,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
  ) {}

  /** The sender, or undefined for an unsigned request in development mode (attributed by its body, as before). */
  authenticate(headers: IncomingHttpHeaders, rawBody: Buffer, nowMs = Date.now()): AuthenticatedSender | undefined {
    if (this.config.NEWSWIRE_DEV_MODE && !claimsASource(headers)) return undefined;
    if (!this.registry) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unknown_source', 'signed requests cannot be verified: this ingester has no SOURCES_FILE', undefined, CHALLENGE);
    }
    const verdict = verifySignedRequest(this.registry, headers, rawBody, nowMs);
    if (!verdict.ok) {
      // The claimed source is logged, never echoed: it is whatever the stranger sent.
      this.logger.warn(`refused ${verdict.code} (claimed source ${JSON.stringify(String(headers['x-newswire-source'] ?? '')).slice(0, 80)})`);
      const status = STATUS[verdict.code];
      throw new ApiError(status, verdict.code, verdict.message, undefined, status === HttpStatus.UNAUTHORIZED ? CHALLENGE : {});
    }
    this.logger.debug(`delivery ${verdict.deliveryId} from ${verdict.source.id} signed with key ${verdict.keyId}`);
    return { source: verdict.source, keyId: verdict.keyId, deliveryId: verdict.deliveryId };
  }
}
