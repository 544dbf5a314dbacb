import { EnricherEnv } from './config';

describe('enricher configuration', () => {
  it('runs one consumer process unless ENRICHER_WORKERS asks for more, whatever the machine', () => {
    expect(EnricherEnv.parse({}).ENRICHER_WORKERS).toBe(1);
    expect(EnricherEnv.parse({ ENRICHER_WORKERS: '4' }).ENRICHER_WORKERS).toBe(4);
    expect(() => EnricherEnv.parse({ ENRICHER_WORKERS: '0' })).toThrow();
  });
});
