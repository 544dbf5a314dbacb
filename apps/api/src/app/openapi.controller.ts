import { Controller, Get } from '@nestjs/common';
import { openApiDocument } from './openapi';

@Controller()
export class OpenApiController {
  private readonly document = openApiDocument();

  @Get('openapi.json')
  get() {
    return this.document;
  }
}
