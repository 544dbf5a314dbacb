/** The platform's typed errors live in @newswire/errors; re-exported here for the stage runtime's users. */
export {
  PlatformError as PipelineError,
  PlatformError,
  PoisonMessageError,
  TransientError,
  DependencyUnavailableError,
  isRetriable,
  errorCodeOf,
  errorTypeOf,
  errorMessageOf,
} from '@newswire/errors';
