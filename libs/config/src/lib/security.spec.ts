import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { envFile } from './env-files';
import { ConfigError, loadConfig } from './load-config';
import { enforceSecurity, type SecurityAssessment } from './security';

const open: SecurityAssessment = {
  link: 'kafka',
  invalid: [],
  gaps: [{ open: 'the broker without credentials', problems: ['BROKER_USER: required', 'BROKER_PASSWORD: required'] }],
};
const contradictory: SecurityAssessment = { link: 'kafka', invalid: ['CERT: set without KEY'], gaps: [] };

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('enforceSecurity', () => {
  it('refuses every gap outside development mode, naming each variable', () => {
    const err = configError(() => enforceSecurity('svc', { NEWSWIRE_DEV_MODE: false }, [open]));
    expect(err.problems).toEqual(['BROKER_USER: required', 'BROKER_PASSWORD: required']);
    expect(err.message).toContain('svc: invalid configuration');
  });

  it('in development mode allows gaps and returns what is open, for the banner', () => {
    expect(enforceSecurity('svc', { NEWSWIRE_DEV_MODE: true }, [open])).toEqual(['the broker without credentials']);
  });

  it('returns nothing open when nothing is', () => {
    expect(enforceSecurity('svc', { NEWSWIRE_DEV_MODE: true }, [{ link: 'store', invalid: [], gaps: [] }])).toEqual([]);
    expect(enforceSecurity('svc', { NEWSWIRE_DEV_MODE: false }, [{ link: 'store', invalid: [], gaps: [] }])).toEqual([]);
  });

  it('outside development mode waives only the links named in NEWSWIRE_ALLOW_INSECURE, and says so', () => {
    const store: SecurityAssessment = { link: 'store', invalid: [], gaps: [{ open: 'the store without credentials', problems: ['STORE_URI: needs a user'] }] };
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(enforceSecurity('svc', { NEWSWIRE_DEV_MODE: false, NEWSWIRE_ALLOW_INSECURE: ['kafka', 'store'] }, [open, store])).toEqual([
        'the broker without credentials',
        'the store without credentials',
      ]);
      expect(stderr).toHaveBeenCalledWith(expect.stringContaining('NEWSWIRE_ALLOW_INSECURE=kafka,store'));
      expect(configError(() => enforceSecurity('svc', { NEWSWIRE_DEV_MODE: false, NEWSWIRE_ALLOW_INSECURE: ['kafka'] }, [open, store])).problems).toEqual(['STORE_URI: needs a user']);
    } finally {
      stderr.mockRestore();
    }
  });

  it('refuses contradictory settings in development mode too', () => {
    expect(configError(() => enforceSecurity('svc', { NEWSWIRE_DEV_MODE: true }, [contradictory, open])).problems).toEqual(['CERT: set without KEY']);
  });
});

describe('envFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'env-file-'));
  const schema = z.object({ PASSWORD_FILE: envFile({ secret: true }), CA_FILE: envFile() });

  it('reads the file once, at validation; a secret loses its trailing newline, a certificate keeps its bytes', () => {
    writeFileSync(join(dir, 'password'), 's3cret\n');
    writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n');
    const config = loadConfig('svc', schema, { PASSWORD_FILE: join(dir, 'password'), CA_FILE: join(dir, 'ca.pem') });
    expect(config.PASSWORD_FILE).toEqual({ path: join(dir, 'password'), content: 's3cret' });
    expect(config.CA_FILE?.content).toBe('-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n');
    expect(loadConfig('svc', schema, {})).toEqual({ PASSWORD_FILE: undefined, CA_FILE: undefined });
  });

  it('names the variable of a missing or empty file', () => {
    writeFileSync(join(dir, 'empty'), '\n');
    const missing = configError(() => loadConfig('svc', schema, { PASSWORD_FILE: join(dir, 'nope'), CA_FILE: join(dir, 'empty-dir', 'ca.pem') }));
    expect(missing.problems).toEqual([
      `PASSWORD_FILE: cannot read ${join(dir, 'nope')} (ENOENT)`,
      `CA_FILE: cannot read ${join(dir, 'empty-dir', 'ca.pem')} (ENOENT)`,
    ]);
    expect(configError(() => loadConfig('svc', schema, { PASSWORD_FILE: join(dir, 'empty') })).problems).toEqual([`PASSWORD_FILE: ${join(dir, 'empty')} is empty`]);
  });
});
