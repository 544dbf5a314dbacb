import { Controller, Get, Inject, Logger } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { MONGO_CONNECTION } from '@newswire/mongo';
import { Open } from './auth/decorators';
import { unavailable } from './http-errors';

@Controller('health')
@Open()
export class HealthController {
  private readonly logger = new Logger('api');

  constructor(@Inject(MONGO_CONNECTION) private readonly connection: Connection) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /**
   * Ready only while the database answers: an orchestrator stops routing
   * queries otherwise. The probe is open, so its body names nothing internal.
   */
  @Get('ready')
  async ready() {
    try {
      await this.connection.getClient().db().admin().ping();
      return { status: 'ok' };
    } catch (err) {
      this.logger.warn(`not ready: the store did not answer a ping: ${(err as Error).name}: ${(err as Error).message}`);
      throw unavailable('database_unavailable', 'the archive database does not answer');
    }
  }
}
