import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Open } from './auth/decorators';

/** Holds the document built at start-up, once every controller is known. */
export class OpenApiDocument {
  document: OpenAPIObject | undefined;
}

@Controller()
@Open()
export class OpenApiController {
  constructor(@Inject(OpenApiDocument) private readonly holder: OpenApiDocument) {}

  @Get('openapi.json')
  @ApiExcludeEndpoint()
  get() {
    return this.holder.document;
  }
}
