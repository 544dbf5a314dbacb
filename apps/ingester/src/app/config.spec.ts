import { ConfigError, loadConfig } from '@newswire/config';
import { IngesterEnv } from './config';

describe('ingester configuration', () => {
  it('caps documents at 1000 items unless MAX_ITEMS_PER_DOCUMENT says otherwise', () => {
    expect(loadConfig('ingester', IngesterEnv, {}).MAX_ITEMS_PER_DOCUMENT).toBe(1000);
    expect(loadConfig('ingester', IngesterEnv, { MAX_ITEMS_PER_DOCUMENT: '50' }).MAX_ITEMS_PER_DOCUMENT).toBe(50);
  });

  it.each(['0', '-1', '1.5', 'many', '100001'])('refuses MAX_ITEMS_PER_DOCUMENT=%s at start-up, naming it', (value) => {
    expect(() => loadConfig('ingester', IngesterEnv, { MAX_ITEMS_PER_DOCUMENT: value })).toThrow(ConfigError);
    expect(() => loadConfig('ingester', IngesterEnv, { MAX_ITEMS_PER_DOCUMENT: value })).toThrow(/MAX_ITEMS_PER_DOCUMENT/);
  });
});
