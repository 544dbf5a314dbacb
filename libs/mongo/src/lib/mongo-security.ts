import { ConnectionString } from 'mongodb-connection-string-url';
import { OUTSIDE_DEV_MODE, type SecurityAssessment } from '@newswire/config';

/**
 * The store's credentials and TLS travel in MONGODB_URI
 * (`mongodb://user:password@host/db?tls=true&tlsCAFile=...`, or
 * `authMechanism=MONGODB-X509` with a client certificate). Outside
 * development mode a URI without either is refused. Parsed with the MongoDB
 * driver's own URI parser, so multi-host and `+srv` URIs read as the driver
 * reads them.
 */
export function assessMongoSecurity(config: { MONGODB_URI: string }): SecurityAssessment {
  let uri: ConnectionString;
  try {
    uri = new ConnectionString(config.MONGODB_URI);
  } catch (err) {
    return { link: 'store', invalid: [`MONGODB_URI: ${(err as Error).message}`], gaps: [] };
  }
  if (uri.username || uri.searchParams.get('authMechanism')?.toUpperCase() === 'MONGODB-X509') return { link: 'store', invalid: [], gaps: [] };
  return {
    link: 'store',
    invalid: [],
    gaps: [
      {
        open: 'the store: connects without credentials (MONGODB_URI has no user)',
        problems: [`MONGODB_URI: needs credentials (mongodb://user:password@host/db) or authMechanism=MONGODB-X509, ${OUTSIDE_DEV_MODE}`],
      },
    ],
  };
}
