import { ConfigError, enforceSecurity } from '@newswire/config';
import { assessMongoSecurity } from './mongo-security';

const assess = (uri: string) => assessMongoSecurity({ MONGODB_URI: uri });

describe('store security', () => {
  it('accepts credentials in the URI, on one host, several hosts or +srv', () => {
    for (const uri of [
      'mongodb://newswire:secret@mongo:27017/newswire?authSource=admin',
      'mongodb://newswire:secret@a:27017,b:27017/newswire?replicaSet=rs0&tls=true',
      'mongodb+srv://newswire:secret@cluster0.example.net/newswire',
    ]) {
      expect(assess(uri)).toEqual({ link: 'store', invalid: [], gaps: [] });
    }
  });

  it('accepts X.509 authentication, which carries no password', () => {
    expect(assess('mongodb://mongo/newswire?authMechanism=MONGODB-X509&tls=true&tlsCertificateKeyFile=/run/secrets/client.pem')).toEqual({ link: 'store', invalid: [], gaps: [] });
  });

  it('refuses a URI without credentials outside development mode, naming MONGODB_URI', () => {
    let problems: string[] = [];
    try {
      enforceSecurity('storage', { NEWSWIRE_DEV_MODE: false }, [assess('mongodb://127.0.0.1:27017/newswire')]);
    } catch (err) {
      problems = (err as ConfigError).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^MONGODB_URI: needs credentials/);
  });

  it('lists the open store in development mode only when it is open', () => {
    expect(enforceSecurity('storage', { NEWSWIRE_DEV_MODE: true }, [assess('mongodb://127.0.0.1:27017/')])).toEqual([
      'the store: connects without credentials (MONGODB_URI has no user)',
    ]);
    expect(enforceSecurity('storage', { NEWSWIRE_DEV_MODE: true }, [assess('mongodb://u:p@127.0.0.1:27017/')])).toEqual([]);
  });

  it('reports a URI the driver cannot parse', () => {
    expect(assess('mongodb://:p@host/').invalid).toEqual(['MONGODB_URI: URI contained empty userinfo section']);
  });
});
