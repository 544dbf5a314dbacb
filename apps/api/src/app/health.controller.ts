import { Controller, Get, HttpStatus, Inject } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { ApiError } from './http-errors';
import { MONGO_CONNECTION } from '@newswire/mongo';

@Controller('health')
export class HealthController {
  constructor(@Inject(MONGO_CONNECTION) private readonly connection: Connection) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready only while the database answers: an orchestrator stops routing queries otherwise. */
  @Get('ready')
  async ready() {
    try {
      await this.connection.getClient().db().admin().ping();
      return { status: 'ok' };
    } catch (err) {
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'database_unavailable', (err as Error).message);
    }
  }
}
