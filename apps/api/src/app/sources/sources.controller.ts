import { Controller, Get, HttpStatus, Inject, Param } from '@nestjs/common';
import { sourceHealthView } from '@newswire/feed-health';
import { RequireScope } from '../auth/decorators';
import { ApiError } from '../http-errors';
import { Answers, GuardedRefusals, Operation } from '../openapi';
import { parsePathId } from '../query-params';
import { SourceCatalogue } from './source-catalogue';
import type { SourceHealthViewT } from '../views.schema';
import { SourceHealthReader } from './source-health';

/**
 * The source registry, read-only. `privileged` only: it names feed URLs and
 * where each secret lives (never a secret), which is operators' business,
 * not every reader's.
 */
@Controller('v1/sources')
@RequireScope('privileged')
export class SourcesController {
  constructor(
    @Inject(SourceCatalogue) private readonly catalogue: SourceCatalogue,
    @Inject(SourceHealthReader) private readonly healthReader: SourceHealthReader,
  ) {}

  @Get()
  @Operation('listSources', 'Every registered source: how its stories arrive and the rules that apply to it')
  @Answers(200, 'SourceList', 'The sources, in the order of the sources file')
  @GuardedRefusals()
  list() {
    return { items: this.catalogue.sources };
  }

  @Get(':id')
  @Operation('getSource', 'One registered source by id')
  @Answers(200, 'Source', 'The source')
  @Answers(400, 'Error', 'The id is invalid')
  @Answers(404, 'Error', 'No source with this id')
  @GuardedRefusals()
  get(@Param('id') rawId: string) {
    return this.registered(rawId);
  }

  @Get(':id/health')
  @Operation('getSourceHealth', "One source's feed health: last story, stories per hour against its baseline, sequence gaps, parse failures, status and since when")
  @Answers(200, 'SourceHealth', 'The source\'s health as last judged by the poller\'s feed-health monitor (`unknown` before the first judgement)')
  @Answers(400, 'Error', 'The id is invalid')
  @Answers(404, 'Error', 'No source with this id')
  @GuardedRefusals()
  async health(@Param('id') rawId: string): Promise<SourceHealthViewT> {
    const { id } = this.registered(rawId);
    return sourceHealthView(id, await this.healthReader.read(id), Date.now());
  }

  private registered(rawId: string) {
    const id = parsePathId('id', rawId);
    const found = this.catalogue.get(id);
    if (!found) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `no registered source ${JSON.stringify(id)}`);
    return found;
  }
}
