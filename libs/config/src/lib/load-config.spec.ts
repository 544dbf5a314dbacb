import { z } from 'zod';
import { ConfigError, loadConfig } from './load-config';
import { envBool, envInt, envList } from './env-types';

const schema = z.object({
  PORT: envInt(3000, 1, 65535),
  BROKERS: envList('localhost:9092'),
  VERBOSE: envBool(false),
});

describe('loadConfig', () => {
  it('applies defaults and coerces types', () => {
    expect(loadConfig('svc', schema, {})).toEqual({ PORT: 3000, BROKERS: ['localhost:9092'], VERBOSE: false });
    expect(loadConfig('svc', schema, { PORT: '8080', BROKERS: 'a:1, b:2', VERBOSE: 'yes' })).toEqual({
      PORT: 8080,
      BROKERS: ['a:1', 'b:2'],
      VERBOSE: true,
    });
  });

  it('names every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadConfig('svc', schema, { PORT: '70000', VERBOSE: 'maybe', BROKERS: ' , ' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('VERBOSE');
    expect(message).toContain('BROKERS');
  });
});
