import { Controller, Get } from '@nestjs/common';
import { Open } from './auth/decorators';
import { openApiDocument } from './openapi';

@Controller()
@Open()
export class OpenApiController {
  private readonly document = openApiDocument();

  @Get('openapi.json')
  get() {
    return this.document;
  }
}
