import { HEADERS } from '@newswire/contracts';
import { carryHeaders } from './carried-headers';

describe('carryHeaders', () => {
  const output = { topic: 'out', key: 'k', value: {} };

  it('passes the replay headers of the input on to the output', () => {
    const input = { [HEADERS.replay]: Buffer.from('enrichment'), [HEADERS.replayId]: 'run-1', 'x-other': 'not carried' };
    expect(carryHeaders(output, input).headers).toEqual({ [HEADERS.replay]: 'enrichment', [HEADERS.replayId]: 'run-1' });
  });

  it('leaves an output alone when the input carries nothing, and lets the stage override', () => {
    expect(carryHeaders(output, { 'x-other': '1' })).toBe(output);
    expect(carryHeaders({ ...output, headers: { [HEADERS.replayId]: 'mine' } }, { [HEADERS.replayId]: 'theirs' }).headers).toEqual({ [HEADERS.replayId]: 'mine' });
  });
});
